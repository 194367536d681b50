package io.github.linli.core;

/**
 * Household and health facts about a resident that make a need more pressing or open eligibility.
 * These are <b>personal data</b>: values holding them redact them from {@code toString()}, and they
 * never appear in messages or logs.
 *
 * @since 0.1.0
 */
public enum HouseholdFlag implements Labelled {
  /** An older person living alone (独居老人). */
  ELDERLY_LIVING_ALONE("独居老人", "elderly living alone"),
  /** A person with a disability (残疾人). */
  DISABILITY("残疾", "disability"),
  /** A household with children (有未成年子女). */
  CHILD("有未成年子女", "child in household"),
  /** A low-income household (低收入家庭). */
  LOW_INCOME("低收入", "low income");

  private final Label label;

  HouseholdFlag(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}
