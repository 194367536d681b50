package io.github.linli.core;

/**
 * The roles an {@link Actor} can hold. Which operation needs which role is listed in {@code
 * docs/permissions.md}; a joint-meeting resolution is the other kind of authority.
 *
 * @since 0.1.0
 */
public enum Role implements Labelled {
  /** A resident (居民): submits demands, holds a benefit card, votes in budgets. */
  RESIDENT("居民", "resident"),
  /** A volunteer (志愿者) offering time through the time bank. */
  VOLUNTEER("志愿者", "volunteer"),
  /** The representative of a member unit (成员单位代表): manages its pledges. */
  MEMBER_REPRESENTATIVE("成员单位代表", "member representative"),
  /** A platform coordinator or social worker (平台协调员): routes demands, resolves disputes. */
  COORDINATOR("平台协调员", "coordinator"),
  /** The residents' committee (居委会). */
  RESIDENTS_COMMITTEE("居委会", "residents' committee"),
  /** The community Party committee (社区党委). */
  PARTY_COMMITTEE("社区党委", "community Party committee"),
  /** The secretary of the joint meeting (联席会议秘书): convenes meetings, records resolutions. */
  MEETING_SECRETARY("联席会议秘书", "joint-meeting secretary"),
  /** The alliance administrator (联盟管理员): admits, suspends and expels members. */
  ALLIANCE_ADMIN("联盟管理员", "alliance administrator"),
  /** An evaluator or researcher (评估员): reads figures, runs evaluations. */
  EVALUATOR("评估员", "evaluator"),
  /** The embedding system itself, for scheduled jobs such as expiring pending transfers. */
  SYSTEM("系统", "system");

  private final Label label;

  Role(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }
}
