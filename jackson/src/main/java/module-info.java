/**
 * Linli's Jackson module: {@link io.github.linli.jackson.LinliModule} serialises every exported value
 * type of Linli's modules and reads back those a front end sends. The feature modules (matching,
 * time bank, scorecard) are optional: their values are supported when they are present.
 */
module io.github.linli.jackson {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive io.github.linli.core;
  requires static io.github.linli.matching;
  requires static io.github.linli.timebank;
  requires static io.github.linli.scorecard;

  exports io.github.linli.jackson;
}
