package io.github.linli.core.privacy;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * Why personal data is read (处理目的). PIPL requires a specific, stated purpose for every use; the
 * {@link AccessPolicy} says which roles may read which kinds for which purpose, and the {@link
 * AccessLog} records each read with its purpose.
 *
 * @since 0.1.0
 */
public enum Purpose implements Labelled {
  /** Delivering a matched service: contacting the resident, finding the door. */
  SERVICE_DELIVERY("服务提供", "service delivery"),
  /**
   * Handling a resident's need or case: reading its text, place and household facts to classify,
   * match, serve or mediate it.
   *
   * @since 0.2.0
   */
  CASE_HANDLING("需求办理", "handling a need or case"),
  /** Checking eligibility for a pledge, benefit card or subsidy. */
  ELIGIBILITY_CHECK("资格审核", "eligibility check"),
  /** An emergency: danger to life, health or property. */
  EMERGENCY_RESPONSE("紧急救助", "emergency response"),
  /** Answering the resident's own request to see their data (PIPL art. 45). */
  SUBJECT_ACCESS("本人查询", "subject access request"),
  /** An audit of the platform's handling of personal data. */
  AUDIT("合规审计", "audit");

  private final Label label;

  Purpose(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}
