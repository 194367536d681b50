package io.github.linli.scorecard.methods;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The composition operator M(•, ∘) of fuzzy comprehensive evaluation b = w ∘ R (模糊合成算子):
 * with weights w<sub>i</sub> and memberships r<sub>ij</sub> of factor i in grade j.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum FuzzyOperator implements Labelled {
  /**
   * M(·, ⊕): b<sub>j</sub> = Σ<sub>i</sub> w<sub>i</sub> r<sub>ij</sub>. Weighted average; uses
   * all information. The usual choice.
   */
  WEIGHTED_SUM(Label.of("加权平均型 M(·,⊕)", "weighted sum M(·,⊕)")),
  /**
   * M(∧, ∨): b<sub>j</sub> = max<sub>i</sub> min(w<sub>i</sub>, r<sub>ij</sub>). Main-factor
   * decisive (Zadeh's max–min composition).
   */
  MIN_MAX(Label.of("主因素决定型 M(∧,∨)", "min–max M(∧,∨)")),
  /** M(·, ∨): b<sub>j</sub> = max<sub>i</sub> w<sub>i</sub> r<sub>ij</sub>. Main-factor prominent. */
  PRODUCT_MAX(Label.of("主因素突出型 M(·,∨)", "product–max M(·,∨)")),
  /**
   * M(∧, ⊕): b<sub>j</sub> = min(1, Σ<sub>i</sub> min(w<sub>i</sub>, r<sub>ij</sub>)). Bounded
   * sum.
   */
  BOUNDED_SUM(Label.of("取小上界和型 M(∧,⊕)", "bounded sum M(∧,⊕)"));

  private final Label label;

  FuzzyOperator(Label label) {
    this.label = label;
  }

  @Override
  public Label label() {
    return label;
  }
}
