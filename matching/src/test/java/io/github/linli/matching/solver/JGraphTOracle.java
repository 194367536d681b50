package io.github.linli.matching.solver;

import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * The optimum by JGraphT's capacity-scaling min-cost flow: every demand sends one unit to the
 * sink, through an offer (cost {@code P - profit}) or directly (cost {@code P}); the optimum
 * profit is {@code n P - cost}. Only positive-profit edges take part (a negative one is never
 * better than the direct arc).
 */
final class JGraphTOracle {
  private JGraphTOracle() {}

  static long optimum(KernelInstance in) {
    // JGraphT refuses costs of 1e9 or more. Profits below 5e8 are used as they are; profits of the
    // form 2^40 - q (q small) are mapped to L - q with L > n * max q, which keeps the optimum (it is
    // lexicographic: most edges, then least total q); the answer is priced in the real profits.
    long max = MaxWeightBMatching.MAX_ABS_PROFIT;
    boolean nearMax = true;
    boolean small = true;
    for (long p : in.edgeProfit) {
      if (p > 0) {
        nearMax &= p >= max - 1000;
        small &= p < 500_000_000L;
      }
    }
    if (!small && !nearMax) {
      throw new IllegalArgumentException("profits out of the oracle's range");
    }
    long shift = small ? 0 : max - (in.demandCount + 1) * 1001L;
    long bigP = small ? 500_000_000L : max - shift;
    Graph<Integer, DefaultWeightedEdge> g = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
    int n = in.demandCount;
    int k = in.capacity.length;
    int source = n + k;
    int sink = n + k + 1;
    for (int v = 0; v <= sink; v++) {
      g.addVertex(v);
    }
    Map<DefaultWeightedEdge, Integer> cap = new java.util.HashMap<>();
    for (int d = 0; d < n; d++) {
      DefaultWeightedEdge a = g.addEdge(source, d);
      g.setEdgeWeight(a, 0);
      cap.put(a, 1);
      DefaultWeightedEdge b = g.addEdge(d, sink);
      g.setEdgeWeight(b, bigP);
      cap.put(b, 1);
    }
    for (int o = 0; o < k; o++) {
      DefaultWeightedEdge a = g.addEdge(n + o, sink);
      g.setEdgeWeight(a, 0);
      cap.put(a, in.capacity[o]);
    }
    for (int e = 0; e < in.edgeDemand.length; e++) {
      if (in.edgeProfit[e] > 0) {
        DefaultWeightedEdge a = g.addEdge(in.edgeDemand[e], n + in.edgeOffer[e]);
        g.setEdgeWeight(a, bigP - (in.edgeProfit[e] - shift));
        cap.put(a, 1);
      }
    }
    MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
        new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
            g, v -> v == source ? n : v == sink ? -n : 0, cap::get);
    MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
        new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
    long profit = 0;
    for (Map.Entry<DefaultWeightedEdge, Double> f : flow.getFlowMap().entrySet()) {
      long units = Math.round(f.getValue());
      Integer from = g.getEdgeSource(f.getKey());
      Integer to = g.getEdgeTarget(f.getKey());
      if (units > 0 && from < n && to >= n && to < n + k) {
        profit += units * (bigP - (long) g.getEdgeWeight(f.getKey()) + shift);
      }
    }
    return profit;
  }
}
