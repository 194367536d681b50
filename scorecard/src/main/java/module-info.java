/**
 * Linli scorecard: indicator systems, weighting and evaluation methods (AHP, entropy, CRITIC, TOPSIS, grey relational, fuzzy), survey reliability and reports.
 */
module io.github.linli.scorecard {
  requires transitive io.github.linli.core;
  requires com.google.common;
  requires org.slf4j;
  requires static org.immutables.value;
  requires org.apache.commons.csv;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires java.desktop;

  exports io.github.linli.scorecard;
  exports io.github.linli.scorecard.methods;
  exports io.github.linli.scorecard.survey;
}
