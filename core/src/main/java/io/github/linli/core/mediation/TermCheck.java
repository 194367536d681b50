package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * What a follow-up visit (回访) found about one term of an agreement.
 *
 * @since 0.3.0
 */
public enum TermCheck implements Labelled {
  /** The term is being kept (已履行). */
  KEPT("已履行", "kept"),
  /** Its deadline has not come yet (未到期). */
  NOT_YET_DUE("未到履行期", "not yet due"),
  /** The term was broken (未履行、违约): the case reopens. */
  BREACHED("未履行", "breached");

  private final Label label;

  TermCheck(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}
