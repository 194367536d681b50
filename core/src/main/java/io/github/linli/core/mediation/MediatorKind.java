package io.github.linli.core.mediation;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Where a mediator's authority comes from.
 *
 * @since 0.3.0
 */
public enum MediatorKind implements Labelled {
  /** A people's mediator of the community mediation committee (人民调解员). */
  PEOPLES_MEDIATOR("人民调解员", "people's mediator"),
  /** Someone of a member unit that holds a mediation role in the alliance (成员单位调解员). */
  MEMBER_MEDIATOR("成员单位调解员", "member unit's mediator"),
  /** A community worker or grid worker authorised to mediate (社区调解干部、网格员). */
  COMMUNITY_WORKER("社区调解干部", "community worker");

  private final Label label;

  MediatorKind(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}
