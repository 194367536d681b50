/**
 * Linli core: the shared kernel (ids, bilingual labels, errors, actors and roles, observations),
 * alliance membership and governance, and demand intake with Maslow-tiered classification.
 *
 * <p>Exported API packages: {@code io.github.linli.core}, {@code .alliance}, {@code .governance},
 * {@code .governance.budget}, {@code .demand}, {@code .mediation} and {@code .sample}. The {@code .internal} package is
 * shared with Linli's own modules only and is not API.
 */
module io.github.linli.core {
  requires com.google.common;
  requires org.slf4j;
  requires static org.immutables.value;
  requires transitive java.sql;

  exports io.github.linli.core;
  exports io.github.linli.core.alliance;
  exports io.github.linli.core.governance;
  exports io.github.linli.core.demand;
  exports io.github.linli.core.mediation;
  exports io.github.linli.core.privacy;
  exports io.github.linli.core.sample;
  exports io.github.linli.core.governance.budget;
  exports io.github.linli.core.store;
  exports io.github.linli.core.internal to
      io.github.linli.matching,
      io.github.linli.timebank,
      io.github.linli.scorecard;
  exports io.github.linli.core.internal.es to
      io.github.linli.matching,
      io.github.linli.timebank;
  exports io.github.linli.core.internal.sql to
      io.github.linli.matching,
      io.github.linli.timebank;
}
