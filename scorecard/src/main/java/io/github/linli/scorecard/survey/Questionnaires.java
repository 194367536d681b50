package io.github.linli.scorecard.survey;

import io.github.linli.scorecard.IndicatorSystem;
import io.github.linli.scorecard.IndicatorSystems;

/**
 * Questionnaires for the built-in indicator systems, one item or more per survey indicator, some
 * reverse-coded. The item wording (for the printed questionnaire; agreement on a 1–5 or 1–7 scale)
 * is in the comments of each method and in {@code docs/scorecard.md}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Questionnaires {
  private Questionnaires() {}

  /**
   * For {@link IndicatorSystems#governanceIndex()}: columns {@code q01}…{@code q17}.
   *
   * <pre>
   * q01 gov.role_clarity            街道与居委会的职责分工清楚 / duties of street office and committee are clear
   * q02 gov.role_clarity (reverse)  居委会常不知道该由谁负责 / the committee often does not know who is responsible
   * q03 gov.social_org_rootedness   社会组织扎根社区、了解居民 / social organisations are rooted and know residents
   * q04 gov.resident_participation  我经常参加社区事务 / I often take part in community affairs
   * q05 gov.resident_participation (reverse) 社区事务与我无关 / community affairs are none of my business
   * q06 gov.interest_integration    不同群体的诉求能被整合 / different groups' demands get integrated
   * q07 gov.consensus_tools         社区用多种方式达成共识 / the community reaches consensus in several ways
   * q08 gov.consultation_mechanism  协商议事有明确规则 / consultation follows clear rules
   * q09 gov.resource_balance        社区资源分布均衡 / community resources are evenly spread
   * q10 gov.supply_demand_match     服务与居民需求相匹配 / services match residents' needs
   * q11 gov.resource_embedding      平台不只依赖政府购买 / the platform does not depend on government purchase alone
   * q12 gov.administrative_burden   社区承担过多行政事务 / the community carries too many administrative tasks
   * q13 gov.mechanism_integration   各部门治理机制衔接顺畅 / governance mechanisms connect smoothly
   * q14 gov.digital_tools           社区使用信息化工具 / the community uses digital tools
   * q15 gov.coordination_mechanism  各方协调机制完善 / coordination among the parties works
   * q16 gov.interest_sharing        治理收益由各方共享 / the parties share governance benefits
   * q17 gov.performance_evaluation  绩效评价引导工作改进 / performance evaluation guides improvement
   * </pre>
   *
   * @param points the scale points (5 or 7 usually)
   * @return the questionnaire
   */
  public static Questionnaire governanceIndex(int points) {
    IndicatorSystem s = IndicatorSystems.governanceIndex();
    return Questionnaire.builder(s, points)
        .item("q01", "gov.role_clarity")
        .reverseItem("q02", "gov.role_clarity")
        .item("q03", "gov.social_org_rootedness")
        .item("q04", "gov.resident_participation")
        .reverseItem("q05", "gov.resident_participation")
        .item("q06", "gov.interest_integration")
        .item("q07", "gov.consensus_tools")
        .item("q08", "gov.consultation_mechanism")
        .item("q09", "gov.resource_balance")
        .item("q10", "gov.supply_demand_match")
        .item("q11", "gov.resource_embedding")
        .item("q12", "gov.administrative_burden")
        .item("q13", "gov.mechanism_integration")
        .item("q14", "gov.digital_tools")
        .item("q15", "gov.coordination_mechanism")
        .item("q16", "gov.interest_sharing")
        .item("q17", "gov.performance_evaluation")
        .build();
  }

  /**
   * For {@link IndicatorSystems#publicValueScorecard()}: columns {@code p01}…{@code p12}.
   *
   * <pre>
   * p01 pv.goal_alignment          平台目标符合居民需要 / the platform's goals fit residents' needs
   * p02 pv.goal_alignment (reverse) 平台主要完成上级任务 / the platform mainly serves higher-level tasks
   * p03 pv.service_satisfaction    我对平台的服务满意 / I am satisfied with the platform's services
   * p04 pv.conflict_resolution     商居矛盾能得到化解 / merchant–resident conflicts get resolved
   * p05 pv.government_support      街道支持平台工作 / the street office supports the platform
   * p06 pv.member_support          成员单位和商户积极支持 / member units and merchants give support
   * p07 pv.resident_trust          我信任平台 / I trust the platform
   * p08 pv.participation           我愿意参加平台活动 / I am willing to join the platform's activities
   * p09 pv.participation (reverse) 我没时间也不想参与 / I have neither time nor wish to take part
   * p10 pv.resource_integration    平台能整合内外资源 / the platform integrates internal and external resources
   * p11 pv.institutional_norms     平台规章制度健全 / the platform's rules are sound
   * p12 pv.autonomy                平台能自主决定服务 / the platform decides its services itself
   * </pre>
   *
   * @param points the scale points (5 or 7 usually)
   * @return the questionnaire
   */
  public static Questionnaire publicValueScorecard(int points) {
    IndicatorSystem s = IndicatorSystems.publicValueScorecard();
    return Questionnaire.builder(s, points)
        .item("p01", "pv.goal_alignment")
        .reverseItem("p02", "pv.goal_alignment")
        .item("p03", "pv.service_satisfaction")
        .item("p04", "pv.conflict_resolution")
        .item("p05", "pv.government_support")
        .item("p06", "pv.member_support")
        .item("p07", "pv.resident_trust")
        .item("p08", "pv.participation")
        .reverseItem("p09", "pv.participation")
        .item("p10", "pv.resource_integration")
        .item("p11", "pv.institutional_norms")
        .item("p12", "pv.autonomy")
        .build();
  }
}
