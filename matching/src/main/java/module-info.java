/**
 * Linli matching: exact, greedy and streaming matching of residents' demands to pledged services, with explanations.
 */
module io.github.linli.matching {
  requires transitive io.github.linli.core;
  requires com.google.common;
  requires org.slf4j;
  requires static org.immutables.value;

  exports io.github.linli.matching;
  exports io.github.linli.matching.solver;
  exports io.github.linli.matching.dispatch;
}
