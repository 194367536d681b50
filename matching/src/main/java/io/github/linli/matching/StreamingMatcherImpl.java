package io.github.linli.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import io.github.linli.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The streaming matcher: first fit by cost, optional displacement and periodic re-optimisation. */
final class StreamingMatcherImpl implements StreamingMatcher {
  private final MatchingPolicy policy;
  private final boolean allowReassignment;
  private final int reoptimiseEvery;

  StreamingMatcherImpl(MatchingPolicy policy, boolean allowReassignment, int reoptimiseEvery) {
    this.policy = checkNotNull(policy, "policy");
    checkArgument(reoptimiseEvery >= 0, "reoptimiseEvery must not be negative: %s", reoptimiseEvery);
    checkArgument(
        reoptimiseEvery == 0 || allowReassignment,
        "reoptimiseEvery = %s needs allowReassignment",
        reoptimiseEvery);
    this.allowReassignment = allowReassignment;
    this.reoptimiseEvery = reoptimiseEvery;
  }

  @Override
  public MatchResult match(List<Need> needs, List<Offer> offers) {
    checkNotNull(needs, "needs");
    Session s = open(offers);
    for (int i = 0; i < needs.size(); i++) {
      s.arrive(checkNotNull(needs.get(i), "needs[%s]", i));
    }
    return s.result();
  }

  @Override
  public Session open(List<Offer> offers) {
    return new SessionImpl(new OfferIndex(Problem.checkOffers(offers)));
  }

  @Override
  public MatchingPolicy policy() {
    return policy;
  }

  @Override
  public boolean allowReassignment() {
    return allowReassignment;
  }

  @Override
  public int reoptimiseEvery() {
    return reoptimiseEvery;
  }

  @Override
  public String toString() {
    return "Matcher.streaming(" + policy + ", reassignment " + allowReassignment + ", every " + reoptimiseEvery + ")";
  }

  private final class SessionImpl implements Session {
    private final OfferIndex index;
    private final List<Need> needs = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private int[] offerOf = new int[64];
    private int[] cls = new int[64];
    private double[] cost = new double[64];
    private int[][] feasibleOffers = new int[64][];
    private double[][] feasibleDist = new double[64][];
    private final int[] used;
    private final int[][] holders;
    private final OfferIndex.Candidates cand = new OfferIndex.Candidates();

    SessionImpl(OfferIndex index) {
      this.index = index;
      used = new int[index.offers.size()];
      holders = new int[index.offers.size()][];
      for (int o = 0; o < holders.length; o++) {
        holders[o] = new int[Math.min(index.capacity[o], 4)];
      }
    }

    private double cost(int o, double dist, Need need) {
      if (policy.tieBreak() == MatchingPolicy.TieBreak.DISTANCE) {
        return dist;
      }
      return index.offers.get(o).price().priceFen(need.requester().cardHolder()) * 1e9 + dist;
    }

    @Override
    public Decision arrive(Need need) {
      checkNotNull(need, "need");
      if (ids.containsKey(need.id())) {
        throw new ValidationException("need.id", need.id(), "already arrived in this session");
      }
      int i = needs.size();
      ids.put(need.id(), i);
      needs.add(need);
      if (i == offerOf.length) {
        offerOf = Arrays.copyOf(offerOf, 2 * i);
        cls = Arrays.copyOf(cls, 2 * i);
        cost = Arrays.copyOf(cost, 2 * i);
        feasibleOffers = Arrays.copyOf(feasibleOffers, 2 * i);
        feasibleDist = Arrays.copyOf(feasibleDist, 2 * i);
      }
      offerOf[i] = -1;
      cls[i] = policy.priorityClass(need.tier(), need.urgency());
      ImmutableDecision.Builder d = Decision.builder().needId(need.id());
      index.feasible(need, cand);
      if (allowReassignment) {
        feasibleOffers[i] = Arrays.copyOf(cand.offer, cand.size);
        feasibleDist[i] = Arrays.copyOf(cand.dist, cand.size);
      }
      int pick = -1;
      double pickCost = 0;
      for (int c = 0; c < cand.size; c++) {
        int o = cand.offer[c];
        double k = cost(o, cand.dist[c], need);
        if (used[o] < index.capacity[o] && (pick < 0 || k < pickCost)) {
          pick = o;
          pickCost = k;
        }
      }
      if (pick >= 0) {
        place(i, pick, pickCost);
      } else if (allowReassignment) {
        // displace the lowest-priority holder (then the costliest) of a feasible offer
        int victim = -1;
        int victimOffer = -1;
        double victimCost = 0;
        for (int c = 0; c < cand.size; c++) {
          int o = cand.offer[c];
          for (int h = 0; h < used[o]; h++) {
            int j = holders[o][h];
            if (cls[j] > cls[i]
                && (victim < 0 || cls[j] > cls[victim] || (cls[j] == cls[victim] && cost[j] > victimCost))) {
              victim = j;
              victimOffer = o;
              victimCost = cost[j];
            }
          }
        }
        if (victim >= 0) {
          unplace(victim);
          int c = 0;
          while (cand.offer[c] != victimOffer) {
            c++;
          }
          place(i, victimOffer, cost(victimOffer, cand.dist[c], need));
          if (replace(victim)) {
            d.addMovedNeedIds(needs.get(victim).id());
          } else {
            d.addDisplacedNeedIds(needs.get(victim).id());
          }
        }
      }
      if (offerOf[i] >= 0) {
        d.offerId(index.offers.get(offerOf[i]).id());
      }
      if (reoptimiseEvery > 0 && needs.size() % reoptimiseEvery == 0) {
        reoptimise();
      }
      return d.build();
    }

    /** Moves a displaced demand to its cheapest feasible offer with room, if any. */
    private boolean replace(int j) {
      Need need = needs.get(j);
      int[] fo = feasibleOffers[j];
      double[] fd = feasibleDist[j];
      int pick = -1;
      double pickCost = 0;
      for (int c = 0; c < fo.length; c++) {
        int o = fo[c];
        double k = cost(o, fd[c], need);
        if (used[o] < index.capacity[o] && (pick < 0 || k < pickCost)) {
          pick = o;
          pickCost = k;
        }
      }
      if (pick < 0) {
        return false;
      }
      place(j, pick, pickCost);
      return true;
    }

    private void place(int i, int o, double k) {
      if (used[o] == holders[o].length) {
        holders[o] = Arrays.copyOf(holders[o], Math.max(4, 2 * used[o]));
      }
      holders[o][used[o]++] = i;
      offerOf[i] = o;
      cost[i] = k;
    }

    private void unplace(int i) {
      int o = offerOf[i];
      int[] hs = holders[o];
      for (int h = 0; h < used[o]; h++) {
        if (hs[h] == i) {
          hs[h] = hs[--used[o]];
          break;
        }
      }
      offerOf[i] = -1;
    }

    @Override
    public int reoptimise() {
      checkState(allowReassignment, "reoptimise needs allowReassignment");
      Problem p = Problem.build(needs, index, policy, false);
      int[] chosen = ExactMatcher.solve(p);
      int changed = 0;
      Arrays.fill(used, 0);
      for (int i = 0; i < p.n; i++) {
        int o = chosen[i] < 0 ? -1 : p.edgeOffer[chosen[i]];
        if (o != offerOf[i]) {
          changed++;
        }
        offerOf[i] = -1;
        if (o >= 0) {
          place(i, o, cost(o, p.edgeDist[chosen[i]], needs.get(i)));
        }
      }
      return changed;
    }

    @Override
    public Optional<String> offerOf(String needId) {
      Integer i = ids.get(needId);
      return i == null || offerOf[i] < 0 ? Optional.empty() : Optional.of(index.offers.get(offerOf[i]).id());
    }

    @Override
    public int arrivals() {
      return needs.size();
    }

    @Override
    public MatchResult result() {
      Problem p = Problem.build(needs, index, policy, false);
      int[] chosen = new int[p.n];
      for (int i = 0; i < p.n; i++) {
        chosen[i] = offerOf[i] < 0 ? -1 : p.edgeTo(i, offerOf[i]);
      }
      return Results.build(p, chosen, "streaming");
    }
  }
}
