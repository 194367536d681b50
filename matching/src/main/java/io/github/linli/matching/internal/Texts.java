package io.github.linli.matching.internal;

import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.demand.MaslowTier;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of dispatch, in Chinese and English, for residents and social workers. Distances
 * are rounded to tens of metres (a few exact distances to public offers would locate a home); no
 * scores, no personal data: ids, tiers, counts and the offers' public terms only. Shared by the
 * batch matchers' {@code Unmatched} and the dispatcher. Not API (the package is not exported).
 */
public final class Texts {
  private Texts() {}

  /** Metres rounded to tens, as a number (5 m and less: 0). */
  public static long tens(double metres) {
    return Double.isFinite(metres) ? Math.round(metres / 10) * 10 : 0;
  }

  public static Label served(double metres, int rank, int eligible, MaslowTier tier, String preemptedNeed, boolean moved) {
    long m = tens(metres);
    String zh;
    String en;
    if (eligible <= 1) {
      zh = "距离 " + m + " 米，唯一可选的服务";
      en = m + " m away, the only eligible service";
    } else if (rank <= 1) {
      zh = "距离 " + m + " 米，" + eligible + " 个可选服务中最近";
      en = m + " m away, the nearest of " + eligible + " eligible services";
    } else {
      zh = "距离 " + m + " 米，" + eligible + " 个可选服务中第 " + rank + " 近（更近的名额已满）";
      en = m + " m away, the " + ordinal(rank) + " nearest of " + eligible + " eligible services (the nearer ones are full)";
    }
    if (tier == MaslowTier.PHYSIOLOGICAL || tier == MaslowTier.SAFETY) {
      zh += "；" + tier.label().zh() + "优先";
      en += "; basic needs first";
    }
    if (preemptedNeed != null) {
      zh += "；按社区规则，原先安排给层级较低的需求 " + preemptedNeed + " 的名额让给了本需求";
      en += "; the place was promised to a less basic need (" + preemptedNeed + "), which gave way under the community's policy";
    }
    if (moved) {
      zh += "（重新安排）";
      en += " (re-arranged)";
    }
    return Label.of(zh, en);
  }

  public static Label gaveWay(String forNeed, MaslowTier forTier, Label then) {
    return Label.of("您的名额让给了更基本的需求 " + forNeed + "（" + forTier.label().zh() + "），这是社区“基本需求优先”的规则；" + then.zh(),
        "your place went to a more basic need, " + forNeed + " (" + forTier.label().en()
            + "), under the community's rule of basic needs first; " + then.en());
  }

  public static Label released(Labelled reason, Label then) {
    return Label.of("原安排已释放（" + reason.label().zh() + "）；" + then.zh(), "the place was released (" + reason.label().en() + "); "
        + then.en());
  }

  public static Label queuedFirst() {
    return Label.of("已重新排队，有空位时按需求层级优先安排", "back in the queue; the next free place goes to the most basic need first");
  }

  public static Label withdrawn() {
    return Label.of("需求已撤回，不再安排", "the need was withdrawn and will not be placed");
  }

  public static Label delivered() {
    return Label.of("服务已完成", "the service was given");
  }

  public static Label started() {
    return Label.of("服务已开始", "the service has started");
  }

  public static Label noOfferOfDomain(Label domain) {
    return Label.of("本社区目前没有提供“" + domain.zh() + "”的服务", "no service of " + domain.en() + " is offered in the community now");
  }

  public static Label noOfferOfTier(Label domain, MaslowTier tier) {
    return Label.of("“" + domain.zh() + "”的服务都不受理" + tier.label().zh(),
        "no " + domain.en() + " service takes " + tier.label().en() + " needs");
  }

  public static Label card() {
    return Label.of("需要惠民卡，申请人没有", "needs a benefit card; the requester has none");
  }

  public static Label ageUnknown(String range) {
    return Label.of("限 " + range + " 岁，申请人的年龄未登记", "for ages " + range + "; the requester's age is not on record");
  }

  public static Label ageOutside(String range) {
    return Label.of("限 " + range + " 岁，申请人不在此范围", "for ages " + range + "; the requester is outside that range");
  }

  public static Label household() {
    return Label.of("限特定家庭情况（如独居老人），申请人的登记情况不符", "for certain households (such as elders living alone); the requester's record does not match");
  }

  public static Label area(List<String> areas) {
    return Label.of("只服务片区 " + String.join("、", areas) + "，需求所在网格不在其中",
        "serves only the areas " + String.join(", ", areas) + "; the need's cell is not among them");
  }

  public static Label outOfRange(double metres, double radius) {
    return Label.of("最近的可选服务在约 " + tens(metres) + " 米外，超出其 " + tens(radius) + " 米的服务范围",
        "the nearest eligible service is about " + tens(metres) + " m away, beyond its " + tens(radius) + " m reach");
  }

  public static Label outsideTime() {
    return Label.of("范围内的可选服务在期望的时间都不开放", "the eligible services in reach are not open in the wanted time");
  }

  public static Label takenByHigher(List<String> ids) {
    return Label.of("名额已被更基本或更紧急的需求占用：" + String.join("、", ids),
        "the places are taken by more basic or more urgent needs: " + String.join(", ", ids));
  }

  public static Label exhausted(int capacity, List<String> ids) {
    if (ids.isEmpty()) {
      return Label.of("本期名额已满（共 " + capacity + " 个）", "no places left this period (" + capacity + " in all)");
    }
    return Label.of("本期名额已满（共 " + capacity + " 个），已安排给同等优先的需求：" + String.join("、", ids),
        "no places left this period (" + capacity + " in all); they went to needs of equal priority: " + String.join(", ", ids));
  }

  public static Label waiting(List<String> ids) {
    return Label.of("按社区规则，已承诺给 " + String.join("、", ids) + " 的名额不撤回；有空位时优先安排本需求",
        "by the community's policy the places promised to " + String.join(", ", ids)
            + " are kept; this need is first in line for a free place");
  }

  public static Label missing(String zhWhat, String enWhat) {
    return Label.of("信息不全，无法安排：" + zhWhat, "details missing to place it: " + enWhat);
  }

  public static Label unknownFacts() {
    return Label.of("本服务器不知道此需求的位置和申请人情况，暂按原安排", "this server does not know the need's place and requester; kept as it is");
  }

  private static String ordinal(int n) {
    int mod100 = n % 100;
    if (mod100 >= 11 && mod100 <= 13) {
      return n + "th";
    }
    switch (n % 10) {
      case 1:
        return n + "st";
      case 2:
        return n + "nd";
      case 3:
        return n + "rd";
      default:
        return n + "th";
    }
  }

  public static String range(java.util.Optional<Integer> min, java.util.Optional<Integer> max) {
    if (min.isPresent() && max.isPresent()) {
      return min.get() + "–" + max.get();
    }
    return min.map(x -> x + "+").orElseGet(() -> "0–" + max.orElse(0));
  }

  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Why an offer does not admit a requester: the first failed condition, or null when it admits.
   *
   * @param el the offer's eligibility
   * @param cardHolder whether the requester holds a benefit card
   * @param knownAge the requester's age, if on record
   * @param flags the requester's household flags
   * @param cell the need's neighbourhood or grid cell
   * @return the reason, or null
   */
  public static Label refusal(PledgeEligibility el, boolean cardHolder, java.util.OptionalInt knownAge,
      java.util.Set<HouseholdFlag> flags, String cell) {
    if (el.cardHoldersOnly() && !cardHolder) {
      return card();
    }
    if (el.minAge().isPresent() || el.maxAge().isPresent()) {
      String range = range(el.minAge(), el.maxAge());
      if (knownAge.isEmpty()) {
        return ageUnknown(range);
      }
      int age = knownAge.getAsInt();
      if ((el.minAge().isPresent() && age < el.minAge().get()) || (el.maxAge().isPresent() && age > el.maxAge().get())) {
        return ageOutside(range);
      }
    }
    if (!el.householdFlags().isEmpty() && flags.stream().noneMatch(el.householdFlags()::contains)) {
      return household();
    }
    if (!el.areas().isEmpty() && !el.areas().contains(cell)) {
      return area(new java.util.ArrayList<>(new java.util.TreeSet<>(el.areas())));
    }
    return null;
  }
}
