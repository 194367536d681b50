package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.ServiceDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A rule a community adopts to route needs to mediation (诉求转调解): a need whose text names
 * another party (a neighbour, the flat upstairs, a shop, the property company) and a conflict
 * (noise, a quarrel, a complaint, "维权") is proposed for mediation. The classifier's signal counts
 * too: a need it put in the {@link ServiceDomain#LEGAL} domain needs only to name another party.
 * The rule only proposes: a person looks at the {@link RoutingProposal}, names the other party and
 * files the case with {@link Mediation#file}, which links the need.
 *
 * <p>Matching is by substring on the lower-cased text, linear in its length times the number of
 * terms. Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class RoutingRule {
  private static final RoutingRule DEFAULTS = new RoutingRule(
      List.of("邻居", "楼上", "楼下", "隔壁", "对门", "邻里", "商户", "店家", "饭店", "餐馆", "烧烤", "超市", "物业", "房东", "租户",
          "neighbour", "neighbor", "upstairs", "downstairs", "next door", "shop", "restaurant", "landlord", "property company"),
      List.of("噪音", "噪声", "吵", "扰民", "纠纷", "矛盾", "投诉", "维权", "吵架", "争执", "占用", "漏水", "堵", "油烟",
          "noise", "noisy", "dispute", "complain", "quarrel", "conflict", "blocking", "leak"),
      categoryTerms());

  private final List<String> partyTerms;
  private final List<String> conflictTerms;
  private final Map<DisputeCategory, List<String>> categoryTerms;

  private RoutingRule(List<String> partyTerms, List<String> conflictTerms, Map<DisputeCategory, List<String>> categoryTerms) {
    this.partyTerms = List.copyOf(partyTerms);
    this.conflictTerms = List.copyOf(conflictTerms);
    this.categoryTerms = new LinkedHashMap<>(categoryTerms);
  }

  private static Map<DisputeCategory, List<String>> categoryTerms() {
    Map<DisputeCategory, List<String>> m = new LinkedHashMap<>();
    m.put(DisputeCategory.RENOVATION, List.of("装修", "电钻", "砸墙", "renovat", "drilling"));
    m.put(DisputeCategory.PARKING, List.of("停车", "车位", "挡路", "parking", "car park"));
    m.put(DisputeCategory.PETS, List.of("狗", "猫", "宠物", "dog", "cat ", "pet"));
    m.put(DisputeCategory.SANITATION, List.of("垃圾", "卫生", "异味", "油烟", "rubbish", "garbage", "smell"));
    m.put(DisputeCategory.PROPERTY_SERVICES, List.of("物业费", "物业", "property fee", "property company"));
    m.put(DisputeCategory.MERCHANT_OPERATIONS, List.of("商户", "店", "饭店", "烧烤", "营业", "shop", "restaurant", "business hours"));
    m.put(DisputeCategory.SHARED_SPACE, List.of("楼道", "公共", "电梯", "占用", "corridor", "lift", "shared"));
    m.put(DisputeCategory.FAMILY, List.of("家庭", "赡养", "婚姻", "family", "divorce"));
    m.put(DisputeCategory.NOISE, List.of("噪音", "噪声", "吵", "扰民", "noise", "noisy", "loud"));
    return m;
  }

  /**
   * The default rule (Chinese and English terms).
   *
   * @return the rule
   */
  public static RoutingRule defaults() {
    return DEFAULTS;
  }

  /**
   * A community's own rule.
   *
   * @param partyTerms words that name another party, at least one
   * @param conflictTerms words that name a conflict, at least one
   * @param categoryTerms words that suggest each category, tried in order; a need matching none is
   *     proposed as {@link DisputeCategory#NEIGHBOUR_RELATIONS}
   * @return the rule
   * @throws ValidationException if a list is empty or a term blank
   */
  public static RoutingRule of(List<String> partyTerms, List<String> conflictTerms, Map<DisputeCategory, List<String>> categoryTerms) {
    checkNotNull(categoryTerms, "categoryTerms");
    check("partyTerms", partyTerms, true);
    check("conflictTerms", conflictTerms, true);
    categoryTerms.forEach((c, terms) -> check("categoryTerms(" + checkNotNull(c, "category") + ")", terms, false));
    return new RoutingRule(lower(partyTerms), lower(conflictTerms), lowerMap(categoryTerms));
  }

  private static void check(String field, List<String> terms, boolean nonEmpty) {
    checkNotNull(terms, field);
    if (nonEmpty && terms.isEmpty()) {
      throw new ValidationException(field, 0, "needs at least one term");
    }
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) == null || terms.get(i).isBlank()) {
        throw new ValidationException(field + "[" + i + "]", terms.get(i), "must not be blank");
      }
    }
  }

  private static List<String> lower(List<String> terms) {
    List<String> out = new ArrayList<>();
    terms.forEach(t -> out.add(t.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static Map<DisputeCategory, List<String>> lowerMap(Map<DisputeCategory, List<String>> m) {
    Map<DisputeCategory, List<String>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, lower(v)));
    return out;
  }

  /**
   * Proposes a need for mediation, if the rule (or the classifier's signal) says it is a dispute.
   *
   * @param demand a demand with its text (as {@code DemandIntake.find} or {@code submit} return it)
   * @return the proposal, or empty if the need is not a dispute by this rule (or has no text)
   */
  public Optional<RoutingProposal> propose(Demand demand) {
    checkNotNull(demand, "demand");
    String text = demand.text().toLowerCase(Locale.ROOT);
    if (text.isBlank()) {
      return Optional.empty();
    }
    int party = count(text, partyTerms);
    int conflict = count(text, conflictTerms);
    boolean legal = demand.domain().map(d -> d.id().equals(ServiceDomain.LEGAL.id())).orElse(false);
    if (party == 0 || (conflict == 0 && !legal)) {
      return Optional.empty();
    }
    DisputeCategory category = DisputeCategory.NEIGHBOUR_RELATIONS;
    for (Map.Entry<DisputeCategory, List<String>> e : categoryTerms.entrySet()) {
      if (count(text, e.getValue()) > 0) {
        category = e.getKey();
        break;
      }
    }
    return Optional.of(new RoutingProposal(demand, category, party, conflict, legal));
  }

  private static int count(String text, List<String> terms) {
    int n = 0;
    for (String t : terms) {
      if (text.contains(t)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "RoutingRule{" + partyTerms.size() + " party terms, " + conflictTerms.size() + " conflict terms, "
        + categoryTerms.size() + " categories}";
  }
}
