package io.github.linli.matching;

import io.github.linli.core.Label;
import io.github.linli.matching.internal.Texts;

import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link MatchResult} from the chosen edges: explanations, reasons, metrics. */
final class Results {
  private static final int MAX_ALTERNATIVES = 5;
  private static final int MAX_COMPETING = 20;

  private Results() {}

  static MatchResult build(Problem p, int[] chosen, String method) {
    OfferIndex index = p.index;
    int k = index.offers.size();
    int[] used = new int[k];
    for (int i = 0; i < p.n; i++) {
      if (chosen[i] >= 0) {
        used[p.edgeOffer[chosen[i]]]++;
      }
    }
    // holders per offer (compressed)
    int[] hStart = new int[k + 1];
    for (int o = 0; o < k; o++) {
      hStart[o + 1] = hStart[o] + used[o];
    }
    int[] holders = new int[hStart[k]];
    int[] fill = Arrays.copyOf(hStart, k);
    for (int i = 0; i < p.n; i++) {
      if (chosen[i] >= 0) {
        holders[fill[p.edgeOffer[chosen[i]]]++] = i;
      }
    }
    List<Assignment> assignments = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    for (int i = 0; i < p.n; i++) {
      Need need = p.needs.get(i);
      if (chosen[i] >= 0) {
        assignments.add(assignment(p, i, chosen[i], used, method));
      } else {
        unmatched.add(reason(p, i, used, hStart, holders, method));
      }
    }
    return MatchResult.builder()
        .method(method)
        .assignments(assignments)
        .unmatched(unmatched)
        .metrics(metrics(p, chosen, used))
        .build();
  }

  private static Assignment assignment(Problem p, int i, int e, int[] used, String method) {
    Need need = p.needs.get(i);
    List<Integer> others = new ArrayList<>();
    for (int f = p.needStart[i]; f < p.needStart[i + 1]; f++) {
      if (f != e) {
        others.add(f);
      }
    }
    others.sort((a, b) -> Double.compare(p.edgeDist[a], p.edgeDist[b]));
    List<Alternative> alternatives = new ArrayList<>();
    for (int j = 0; j < Math.min(MAX_ALTERNATIVES, others.size()); j++) {
      int f = others.get(j);
      int o = p.edgeOffer[f];
      alternatives.add(Alternative.of(index(p, o).id(), p.edgeDist[f], p.edgePrice[f], used[o] >= p.index.capacity[o]));
    }
    Explanation x =
        Explanation.builder()
            .method(method)
            .tier(need.tier())
            .urgency(need.urgency())
            .priorityClass(p.cls[i])
            .fairnessQuota(p.quota[i])
            .priorityWeight(p.weight(i))
            .costPenalty(p.penalty(e))
            .distanceMetres(p.edgeDist[e])
            .priceFen(p.edgePrice[e])
            .alternatives(alternatives)
            .build();
    return Assignment.of(need.id(), index(p, p.edgeOffer[e]).id(), x);
  }

  private static Offer index(Problem p, int o) {
    return p.index.offers.get(o);
  }

  private static Unmatched reason(Problem p, int i, int[] used, int[] hStart, int[] holders, String method) {
    Need need = p.needs.get(i);
    if (p.needStart[i + 1] > p.needStart[i]) {
      return capacityReason(p, i, used, hStart, holders, method);
    }
    int nearest = -1;
    double nearestDist = Double.POSITIVE_INFINITY;
    int inRange = -1;
    for (int o : p.index.ofDomain(need.domain())) {
      Offer offer = index(p, o);
      if (!offer.tiers().contains(need.tier()) || !Admission.admits(offer.eligibility(), need.requester(), need.neighbourhood())) {
        continue;
      }
      double d = offer.place().distanceMetres(need.place());
      if (d <= offer.radiusMetres()) {
        if (inRange < 0) {
          inRange = o;
        }
      } else if (d < nearestDist) {
        nearestDist = d;
        nearest = o;
      }
    }
    if (inRange >= 0) {
      Offer offer = index(p, inRange);
      return Unmatched.of(
          need.id(),
          ReasonCode.OUTSIDE_TIME_WINDOW,
          Texts.outsideTime(),
          "no eligible offer in range is available in the wanted window; for example " + offer.id()
              + " is available " + offer.availability(),
          List.of());
    }
    if (nearest >= 0) {
      Offer offer = index(p, nearest);
      return Unmatched.of(
          need.id(),
          ReasonCode.OUT_OF_RANGE,
          Texts.outOfRange(nearestDist, offer.radiusMetres()),
          String.format(
              Locale.ROOT,
              "nearest eligible offer %s is %s away; its radius is %.0f m",
              offer.id(),
              Distances.text(nearestDist),
              offer.radiusMetres()),
          List.of());
    }
    Label why = noEligibleOffer(p, need);
    return Unmatched.of(
        need.id(),
        ReasonCode.NO_ELIGIBLE_OFFER,
        why,
        "no offer of domain " + need.domain().id() + " for tier " + need.tier().name() + " admits this requester: " + why.en(),
        List.of());
  }

  /**
   * The condition that kept every offer of the need's domain away: no such offer, none for its
   * tier, or the failed condition of the nearest offer for its tier.
   */
  private static Label noEligibleOffer(Problem p, Need need) {
    boolean anyOfDomain = false;
    Label nearestRefusal = null;
    double nearestDist = Double.POSITIVE_INFINITY;
    for (int o : p.index.ofDomain(need.domain())) {
      anyOfDomain = true;
      Offer offer = index(p, o);
      if (!offer.tiers().contains(need.tier())) {
        continue;
      }
      Label refusal = Texts.refusal(offer.eligibility(), need.requester().cardHolder(), need.requester().age(), need.requester().flags(),
          need.neighbourhood());
      double d = offer.place().distanceMetres(need.place());
      if (refusal != null && (nearestRefusal == null || d < nearestDist)) {
        nearestRefusal = refusal;
        nearestDist = d;
      }
    }
    if (!anyOfDomain) {
      return Texts.noOfferOfDomain(need.domain().label());
    }
    return nearestRefusal != null ? nearestRefusal : Texts.noOfferOfTier(need.domain().label(), need.tier());
  }

  private static Unmatched capacityReason(Problem p, int i, int[] used, int[] hStart, int[] holders, String method) {
    Need need = p.needs.get(i);
    // holders are distinct (each served demand holds one offer): rank them by (class, order)
    long[] higher = new long[8];
    int nHigher = 0;
    long[] others = new long[8];
    int nOthers = 0;
    boolean lower = false;
    int feasible = 0;
    long capacity = 0;
    boolean spare = false;
    for (int e = p.needStart[i]; e < p.needStart[i + 1]; e++) {
      int o = p.edgeOffer[e];
      feasible++;
      capacity += p.index.capacity[o];
      spare |= used[o] < p.index.capacity[o];
      for (int h = hStart[o]; h < hStart[o + 1]; h++) {
        int j = holders[h];
        long key = ((long) p.cls[j] << 32) | j;
        if (p.cls[j] < p.cls[i]) {
          if (nHigher == higher.length) {
            higher = Arrays.copyOf(higher, 2 * nHigher);
          }
          higher[nHigher++] = key;
        } else {
          if (nOthers == others.length) {
            others = Arrays.copyOf(others, 2 * nOthers);
          }
          others[nOthers++] = key;
          lower |= p.cls[j] > p.cls[i];
        }
      }
    }
    if (nHigher > 0) {
      List<String> ids = top(p, higher, nHigher);
      return Unmatched.of(
          need.id(),
          ReasonCode.CAPACITY_TAKEN_BY_HIGHER_PRIORITY,
          Texts.takenByHigher(ids),
          "strict priority (tier, then urgency): feasible offers (" + feasible + ") are held by demands of higher priority",
          ids);
    }
    String rule;
    if (capacity == 0) {
      rule = "feasible offers (" + feasible + ") have no capacity this period";
    } else if (spare) {
      rule = "not placed when it arrived; a feasible offer has capacity left now";
    } else if (lower) {
      rule = "exact".equals(method)
          ? "fairness: capacity went to other neighbourhoods' minimum served share"
          : "capacity of the feasible offers (" + feasible + ") was taken by demands placed first (" + method + ")";
    } else {
      rule = "capacity " + capacity + " of the feasible offers (" + feasible
          + ") went to demands of equal priority; tie-break: most served, then least "
          + p.policy.tieBreak().name().toLowerCase(Locale.ROOT);
    }
    List<String> ids = top(p, others, nOthers);
    Label why;
    if (capacity == 0) {
      why = Label.of("可选的服务本期都没有名额", "the eligible services have no places this period");
    } else if (spare) {
      why = Label.of("到达时未能安排；现在有可选服务还有名额", "not placed when it arrived; an eligible service has a place left now");
    } else if (lower && "exact".equals(method)) {
      why = Label.of("按公平规则，名额先保证其他片区的最低服务份额", "under the fairness rule the places first went to other neighbourhoods' minimum share");
    } else if (lower) {
      why = Label.of("名额已安排给先到的需求：" + String.join("、", ids), "the places went to needs placed first: " + String.join(", ", ids));
    } else {
      why = Texts.exhausted((int) Math.min(Integer.MAX_VALUE, capacity), ids);
    }
    return Unmatched.of(need.id(), ReasonCode.CAPACITY_EXHAUSTED, why, rule, ids);
  }

  /** The ids of the first demands by (priority class, input order), at most {@link #MAX_COMPETING}. */
  private static List<String> top(Problem p, long[] keys, int n) {
    Arrays.sort(keys, 0, n);
    List<String> ids = new ArrayList<>(Math.min(n, MAX_COMPETING));
    for (int k = 0; k < Math.min(n, MAX_COMPETING); k++) {
      ids.add(p.needs.get((int) keys[k]).id());
    }
    return ids;
  }

  static MatchMetrics metrics(Problem p, int[] chosen, int[] used) {
    int[] tierAll = new int[MaslowTier.values().length];
    int[] tierServed = new int[tierAll.length];
    Map<ServiceDomain, int[]> byDomain = new TreeMap<>();
    Map<String, int[]> byHood = new TreeMap<>();
    int served = 0;
    long score = 0;
    double distance = 0;
    for (int i = 0; i < p.n; i++) {
      Need need = p.needs.get(i);
      boolean s = chosen[i] >= 0;
      int t = need.tier().rank();
      tierAll[t]++;
      int[] d = byDomain.computeIfAbsent(need.domain(), x -> new int[2]);
      int[] h = byHood.computeIfAbsent(need.neighbourhood(), x -> new int[2]);
      d[0]++;
      h[0]++;
      if (s) {
        served++;
        tierServed[t]++;
        d[1]++;
        h[1]++;
        score += MaslowTier.values().length - t;
        distance += p.edgeDist[chosen[i]];
      }
    }
    Map<MaslowTier, Double> tierShare = new EnumMap<>(MaslowTier.class);
    for (MaslowTier t : MaslowTier.values()) {
      if (tierAll[t.rank()] > 0) {
        tierShare.put(t, tierServed[t.rank()] / (double) tierAll[t.rank()]);
      }
    }
    Map<ServiceDomain, Double> domainShare = new LinkedHashMap<>();
    byDomain.forEach((d, c) -> domainShare.put(d, c[1] / (double) c[0]));
    Map<String, Double> hoodShare = new LinkedHashMap<>();
    byHood.forEach((h, c) -> hoodShare.put(h, c[1] / (double) c[0]));
    long totalCap = 0;
    long totalUsed = 0;
    Map<String, Double> perOffer = new LinkedHashMap<>();
    Map<ServiceDomain, Integer> gap = new TreeMap<>();
    byDomain.forEach((d, c) -> gap.put(d, c[0]));
    for (int o = 0; o < p.index.offers.size(); o++) {
      Offer offer = p.index.offers.get(o);
      int cap = p.index.capacity[o];
      totalCap += cap;
      totalUsed += used[o];
      if (cap > 0) {
        perOffer.put(offer.id(), used[o] / (double) cap);
      }
      for (ServiceDomain d : offer.domains()) {
        gap.merge(d, -cap, Integer::sum);
      }
    }
    return MatchMetrics.builder()
        .demandCount(p.n)
        .servedCount(served)
        .servedShare(p.n == 0 ? 1 : served / (double) p.n)
        .servedShareByTier(tierShare)
        .servedShareByDomain(domainShare)
        .servedShareByNeighbourhood(hoodShare)
        .offerUtilisation(totalCap == 0 ? 0 : totalUsed / (double) totalCap)
        .offerUtilisationByOffer(perOffer)
        .supplyGapByDomain(new LinkedHashMap<>(gap))
        .servedPriorityScore(score)
        .totalDistanceMetres(distance)
        .build();
  }
}
