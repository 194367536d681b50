package io.github.linli.scorecard;

import io.github.linli.core.Label;
import io.github.linli.scorecard.methods.Direction;

/**
 * The built-in indicator systems, with equal weights until reweighted (by hand, AHP, entropy,
 * CRITIC or a combination; see {@link Weighting}).
 *
 * <ul>
 *   <li>{@link #publicValueScorecard()}: Moore's public value scorecard as source 000 applies it
 *       to a business–residential alliance (public value account; legitimacy and support;
 *       operational capacity);
 *   <li>{@link #governanceIndex()}: the five-dimension urban community governance performance
 *       index of source 001 (multiple subjects, consensus shaping, resource allocation,
 *       organisation management, community coordination), its indicators drawn from the problems
 *       001 lists for each dimension, with the improvement paths 001 and 003 name.
 * </ul>
 *
 * <p>Survey indicators take scores in [0, 1] from {@code scorecard.survey}; observed indicators
 * take core {@code Observation}s with the same id ({@value #SERVED_SHARE}, {@value
 * #RESPONSE_HOURS}, {@value #TIMEBANK_PARTICIPATION}, {@value #MEDIATION_RESOLUTION_RATE}).
 *
 * <p>Sources: 000, Construction of the community platform organisation under the public value
 * scorecard (S residential area, "Business and Residential Alliance"); 001, urban community
 * governance performance from the perspective of public value (thesis); 003, research on the
 * practical dilemma of community governance platforms (thesis). Moore, M. H. (2013).
 * <i>Recognizing Public Value</i>. Harvard University Press.
 *
 * <p>Stateless and thread-safe; each call builds a new immutable system.
 *
 * @since 0.1.0
 */
public final class IndicatorSystems {
  /** Observed: share of residents' needs served in the period (matching module). */
  public static final String SERVED_SHARE = "matching.served_share";

  /**
   * Observed: mean hours from a need's report to its close (the demand map of {@code core.demand}
   * reports it as {@code demand.mean_hours_to_close}); a cost.
   */
  public static final String RESPONSE_HOURS = "demand.mean_hours_to_close";

  /**
   * Observed: share of the period's disputes that reached a mediation agreement every party
   * accepted ({@code core.mediation}); part of the governance index's community coordination.
   */
  public static final String MEDIATION_RESOLUTION_RATE = "mediation.resolution_rate";

  /** Observed: share of residents active in the time bank in the period (timebank module). */
  public static final String TIMEBANK_PARTICIPATION = "timebank.participation_rate";

  private IndicatorSystems() {}

  private static Indicator.Builder ind(
      String id, String zh, String en, String problemZh, String problemEn, String ref) {
    return Indicator.builder()
        .id(id)
        .label(Label.of(zh, en))
        .problem(Label.of(problemZh, problemEn))
        .addReferences(ref);
  }

  private static Label l(String zh, String en) {
    return Label.of(zh, en);
  }

  private static Indicator servedShare() {
    return ind(
            SERVED_SHARE,
            "居民需求满足率",
            "share of residents' needs served",
            "资源供给与公共需求错位",
            "mismatch between resource supply and public demand",
            "001")
        .source(IndicatorSource.OBSERVED)
        .addImprovements(l("整合社区内部资源，精准对接需求", "integrate internal resources and match needs precisely"))
        .build();
  }

  private static Indicator timebankParticipation() {
    return ind(
            TIMEBANK_PARTICIPATION,
            "时间银行参与率",
            "time-bank participation rate",
            "居民参与积极性不高",
            "low enthusiasm of residents to participate",
            "000")
        .source(IndicatorSource.OBSERVED)
        .normalisation(Normalisation.range(0, 0.3))
        .addImprovements(l("以志愿积分激励居民由被动参与转向主动参与", "use volunteer credits to move residents from passive to active participation"))
        .build();
  }

  /**
   * Moore's public value scorecard for a community platform organisation, as source 000 uses it:
   * three dimensions, 13 indicators (10 survey, 3 observed), equal weights.
   *
   * @return the system {@code public.value.scorecard}
   */
  public static IndicatorSystem publicValueScorecard() {
    Dimension value =
        Dimension.builder()
            .id("pv.value")
            .label(l("公共价值账户", "public value account"))
            .addIndicators(
                ind("pv.goal_alignment", "价值目标契合居民需求", "value goals match residents' needs",
                        "价值目标设定偏行政化", "value goals set too administratively", "000")
                    .addImprovements(l("确立共同使命，增强组织向心力", "establish a common mission and strengthen cohesion"))
                    .build(),
                ind("pv.service_satisfaction", "居民对平台服务的满意度", "residents' satisfaction with the platform's services",
                        "居民难以感受到高质量的服务", "residents do not feel high service quality", "001")
                    .addImprovements(l("以居民需求为导向提供服务", "orient services to residents' needs"))
                    .build(),
                ind("pv.conflict_resolution", "矛盾纠纷化解成效", "effectiveness in resolving conflicts",
                        "化解专业性与复杂性矛盾的成效不足", "weak at resolving professional and complex conflicts", "000")
                    .addImprovements(l("完善商居对话与协商机制", "improve merchant–resident dialogue and consultation"))
                    .build(),
                servedShare())
            .addProblems(l("价值目标偏行政化", "value goals are too administrative"))
            .addImprovements(l("确立共同使命，增强组织向心力", "establish a common mission and strengthen organisational cohesion"))
            .build();
    Dimension legitimacy =
        Dimension.builder()
            .id("pv.legitimacy")
            .label(l("合法性与支持", "legitimacy and support"))
            .addIndicators(
                ind("pv.government_support", "街道与政府部门的支持", "support from the street office and government",
                        "授权环境中多元力量支持不足", "thin support from diverse forces in the authorising environment", "000")
                    .addImprovements(l("争取政策与制度授权", "seek policy and institutional authorisation"))
                    .build(),
                ind("pv.member_support", "成员单位与商户的支持", "support from member units and merchants",
                        "驻区单位与商户支持不足", "thin support from member units and merchants", "000")
                    .addImprovements(l("以惠民卡与服务承诺回馈成员单位", "reward member units through benefit cards and service pledges"))
                    .build(),
                ind("pv.resident_trust", "居民的信任与认同", "residents' trust and identification",
                        "社区认同感与归属感缺失", "weak community identity and belonging", "000")
                    .addImprovements(l("增强居民的归属感与认同", "strengthen residents' sense of belonging"))
                    .build(),
                ind("pv.participation", "居民参与的积极性", "residents' enthusiasm to participate",
                        "主体参与积极性有待提高", "participation enthusiasm needs to improve", "000")
                    .addImprovements(l("引导居民由被动参与转向主动参与", "guide residents from passive to active participation"))
                    .build(),
                timebankParticipation())
            .addProblems(l("授权环境中多元力量支持不足", "insufficient support from diverse forces in the authorising environment"))
            .addImprovements(l("完善制度规范，增强组织稳定性", "improve institutional norms and organisational stability"))
            .build();
    Dimension capacity =
        Dimension.builder()
            .id("pv.capacity")
            .label(l("运营能力", "operational capacity"))
            .addIndicators(
                ind("pv.resource_integration", "内外部资源整合能力", "ability to integrate internal and external resources",
                        "整合内外部资源的能力不足", "weak integration of internal and external resources", "000")
                    .addImprovements(l("加强内部建设，增强组织活力", "strengthen internal construction and organisational vitality"))
                    .build(),
                ind("pv.institutional_norms", "制度规范健全程度", "soundness of institutional norms",
                        "制度规范不健全", "institutional norms are incomplete", "000")
                    .addImprovements(l("完善制度规范，增强组织稳定性", "improve institutional norms and stability"))
                    .build(),
                ind("pv.autonomy", "平台运营的自主性", "autonomy of the platform's operation",
                        "依赖政府购买服务，自主性让位于控制", "dependence on government purchase of services; autonomy gives way to control", "003")
                    .addImprovements(l("修复制度缺陷，拓展多元资金来源", "repair institutional defects and diversify funding"))
                    .build(),
                ind(RESPONSE_HOURS, "需求响应时长", "hours from a need's report to its close",
                        "服务响应迟缓", "slow response to needs", "001")
                    .source(IndicatorSource.OBSERVED)
                    .direction(Direction.COST)
                    .unit("hours")
                    .normalisation(Normalisation.range(0, 336))
                    .addImprovements(l("打造信息化治理工具，缩短响应链条", "build digital governance tools to shorten the response chain"))
                    .build())
            .addProblems(l("整合资源、化解矛盾的运营能力有待提升", "operational capacity to integrate resources and resolve conflicts needs to improve"))
            .addImprovements(l("加强内部建设，增强组织活力", "strengthen internal construction and enhance organisational vitality"))
            .build();
    return IndicatorSystem.builder()
        .id("public.value.scorecard")
        .label(l("公共价值计分卡", "public value scorecard"))
        .addDimensions(value, legitimacy, capacity)
        .build();
  }

  /**
   * The five-dimension community governance performance index of source 001: 18 indicators (15
   * survey, 3 observed), equal weights.
   *
   * @return the system {@code governance.index}
   */
  public static IndicatorSystem governanceIndex() {
    Dimension subjects =
        Dimension.builder()
            .id("gov.subjects")
            .label(l("多元主体", "multiple subjects"))
            .addIndicators(
                ind("gov.role_clarity", "基层政府与居委会权责定位清晰", "clear powers and duties of the street office and residents' committee",
                        "基层政府与居委会权责定位不清", "unclear positioning of the powers and duties of grassroots government and residents' committee", "001")
                    .addImprovements(l("理顺基层政府与居委会的关系", "straighten out the relation between grassroots government and the residents' committee"))
                    .build(),
                ind("gov.social_org_rootedness", "社会组织的扎根程度", "rootedness of social organisations",
                        "社会组织缺乏根植性", "social organisations lack rootedness", "001")
                    .addImprovements(l("推动社会组织由“嵌入”走向“融入”", "move social organisations from embedding to integration"))
                    .build(),
                ind("gov.resident_participation", "居民参与程度", "residents' participation",
                        "社区居民参与度低", "low participation of residents", "001")
                    .addImprovements(l("引导居民参与由“被动”到“主动”", "guide residents' participation from passive to active"))
                    .build(),
                timebankParticipation())
            .addProblems(l("权责定位不清、社会组织缺乏根植性、居民参与度低", "unclear powers and duties, rootless social organisations, low resident participation"))
            .addImprovements(l("重构社区治理主体关系", "rebuild the relations among governance subjects"))
            .build();
    Dimension consensus =
        Dimension.builder()
            .id("gov.consensus")
            .label(l("共识塑造", "consensus shaping"))
            .addIndicators(
                ind("gov.interest_integration", "多元利益诉求的整合", "integration of diverse interests",
                        "共识主体利益多元化", "diversified interests of the parties to consensus", "001")
                    .addImprovements(l("建立共识需求的传导机制", "establish a mechanism that transmits the needs for consensus"))
                    .build(),
                ind("gov.consensus_tools", "共识达成工具的多样性", "variety of tools for reaching consensus",
                        "共识达成工具单一", "single tool for reaching consensus", "001")
                    .addImprovements(l("设置达成共识的规则机制", "set up rules for reaching consensus"))
                    .build(),
                ind("gov.consultation_mechanism", "协商议事机制的明确性", "clarity of the consultation mechanism",
                        "共识形成机制模糊", "vague mechanism for forming consensus", "001")
                    .addImprovements(l("完善协商议事的标准机制", "improve the standard mechanism of consultation and discussion"))
                    .build())
            .addProblems(l("利益多元、工具单一、机制模糊", "diverse interests, a single tool, vague mechanisms"))
            .addImprovements(l("构建共识塑造机制", "build the consensus-shaping mechanism"))
            .build();
    Dimension resources =
        Dimension.builder()
            .id("gov.resources")
            .label(l("资源配置", "resource allocation"))
            .addIndicators(
                ind("gov.resource_balance", "资源分布的均衡与整合", "balanced and integrated distribution of resources",
                        "资源分布不均、条块分割明显", "uneven distribution and obvious segmentation of resources", "001")
                    .addImprovements(l("发挥政策的引导作用", "give full play to the guiding role of policy"))
                    .build(),
                ind("gov.supply_demand_match", "资源供给与居民需求的匹配", "match between resource supply and residents' demand",
                        "资源供给与公共需求错位", "mismatch between resource supply and public demand", "001")
                    .addImprovements(l("整合社区内部资源", "integrate the community's internal resources"))
                    .build(),
                ind("gov.resource_embedding", "平台在资源、能力与合作中的嵌入", "embedding of the platform in resources, capabilities and cooperation",
                        "依赖政府购买服务，资源、能力与合作嵌入不足", "dependence on government purchase of services; weak embedding in resources, capabilities and cooperation", "003")
                    .addImprovements(l("拓展社区外部资源，减少对单一购买的依赖", "expand external resources and reduce dependence on a single purchaser"))
                    .build(),
                servedShare())
            .addProblems(l("资源分布不均、供需错位、形式与内容要求提高", "uneven resources, supply–demand mismatch, rising demands on form and content"))
            .addImprovements(l("多向整合社区治理资源", "integrate governance resources in several directions"))
            .build();
    Dimension management =
        Dimension.builder()
            .id("gov.management")
            .label(l("组织管理", "organisation management"))
            .addIndicators(
                ind("gov.administrative_burden", "社区承担的行政事务负担", "administrative burden on the community",
                        "社区管理体制行政化、压力层层下移", "administrative community management; pressure passed down the hierarchy", "001")
                    .direction(Direction.COST)
                    .addReferences("003")
                    .addImprovements(l("塑造理性的行政体制", "shape a rational administrative system"))
                    .build(),
                ind("gov.mechanism_integration", "治理机制的协同整合", "integration of governance mechanisms",
                        "社区治理机制碎片化", "fragmented governance mechanisms", "001")
                    .addImprovements(l("形成参与式治理模式", "form a participatory governance model"))
                    .build(),
                ind("gov.digital_tools", "信息化治理工具的应用", "use of digital governance tools",
                        "社区治理工具传统化", "traditional governance tools", "001")
                    .addImprovements(l("打造信息化治理工具", "create digital governance tools"))
                    .build())
            .addProblems(l("管理体制行政化、机制碎片化、工具传统化", "administrative system, fragmented mechanisms, traditional tools"))
            .addImprovements(l("创新组织管理的手段与方法", "innovate the means and methods of organisation management"))
            .build();
    Dimension coordination =
        Dimension.builder()
            .id("gov.coordination")
            .label(l("社区协同", "community coordination"))
            .addIndicators(
                ind("gov.coordination_mechanism", "社区治理协调机制的完善", "soundness of the coordination mechanism",
                        "社区治理协调机制不完善", "imperfect coordination mechanism of community governance", "001")
                    .addImprovements(l("完善公平合作的协作模式", "perfect a fair mode of cooperation"))
                    .build(),
                ind("gov.interest_sharing", "治理收益的共享", "sharing of governance benefits",
                        "社区治理中的利益囤积", "interest hoarding in community governance", "001")
                    .addImprovements(l("发挥社区党组织的协调引领作用", "let the community Party organisation lead coordination"))
                    .build(),
                ind("gov.performance_evaluation", "绩效评价的引导作用", "guiding role of performance evaluation",
                        "忽视绩效评价的引导功能", "the guiding function of performance evaluation is ignored", "001")
                    .addImprovements(l("注重公共价值的引入", "focus on introducing public value"))
                    .build(),
                ind(MEDIATION_RESOLUTION_RATE, "矛盾纠纷调解成功率", "share of disputes settled by mediation",
                        "社区价值冲突缺乏协调平衡", "conflicts of community values are not coordinated and balanced", "001")
                    .source(IndicatorSource.OBSERVED)
                    .addImprovements(l("由联盟授权的调解员调解纠纷、达成调解协议并回访", "let authorised mediators settle disputes by agreements that are followed up"))
                    .build())
            .addProblems(l("协调机制不完善、利益囤积、忽视绩效评价", "imperfect coordination, interest hoarding, ignored performance evaluation"))
            .addImprovements(
                l("协调平衡社区价值冲突", "coordinate and balance conflicts of community values"),
                l("推动多元共治，实现治理协同", "promote multi-party co-governance and realise governance coordination"))
            .build();
    return IndicatorSystem.builder()
        .id("governance.index")
        .label(l("社区治理绩效指标体系", "community governance performance index"))
        .addDimensions(subjects, consensus, resources, management, coordination)
        .build();
  }
}
