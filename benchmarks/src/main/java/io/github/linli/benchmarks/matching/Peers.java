package io.github.linli.benchmarks.matching;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * The peers on the same instance, modelled as a transportation problem: every demand supplies one
 * unit, which goes to the sink through an eligible offer (cost {@code -profit}) or directly (cost
 * 0); offers pass at most their capacity to the sink. The optimal profit is minus the cost.
 */
final class Peers {
  private Peers() {}

  /** OR-Tools' MinCostFlow (cost scaling push-relabel, native code); returns the optimal profit. */
  static long orTools(CityInstance in) {
    int n = in.demandCount;
    int k = in.offerCapacity.length;
    int sink = n + k;
    MinCostFlow f = new MinCostFlow(n + k + 1, in.edgeDemand.length + n + k);
    try {
      for (int e = 0; e < in.edgeDemand.length; e++) {
        if (in.edgeProfit[e] > 0) {
          f.addArcWithCapacityAndUnitCost(in.edgeDemand[e], n + in.edgeOffer[e], 1, -in.edgeProfit[e]);
        }
      }
      for (int d = 0; d < n; d++) {
        f.addArcWithCapacityAndUnitCost(d, sink, 1, 0);
        f.setNodeSupply(d, 1);
      }
      for (int o = 0; o < k; o++) {
        f.addArcWithCapacityAndUnitCost(n + o, sink, in.offerCapacity[o], 0);
      }
      f.setNodeSupply(sink, -n);
      MinCostFlowBase.Status s = f.solve();
      if (s != MinCostFlowBase.Status.OPTIMAL) {
        throw new IllegalStateException("OR-Tools: " + s);
      }
      return -f.getOptimalCost();
    } finally {
      f.delete();
    }
  }

  /** JGraphT's CapacityScalingMinimumCostFlow (pure Java); returns the optimal profit. */
  static long jgrapht(CityInstance in) {
    int n = in.demandCount;
    int k = in.offerCapacity.length;
    int source = n + k;
    int sink = n + k + 1;
    long bigP = 0;
    for (long p : in.edgeProfit) {
      bigP = Math.max(bigP, p);
    }
    Graph<Integer, DefaultWeightedEdge> g = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v <= sink; v++) {
      g.addVertex(v);
    }
    Map<DefaultWeightedEdge, Integer> cap = new HashMap<>();
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
      cap.put(a, in.offerCapacity[o]);
    }
    for (int e = 0; e < in.edgeDemand.length; e++) {
      if (in.edgeProfit[e] > 0) {
        DefaultWeightedEdge a = g.addEdge(in.edgeDemand[e], n + in.edgeOffer[e]);
        g.setEdgeWeight(a, bigP - in.edgeProfit[e]);
        cap.put(a, 1);
      }
    }
    MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
        new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
            g, v -> v == source ? n : v == sink ? -n : 0, cap::get);
    MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
        new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
    return n * bigP - Math.round(flow.getCost());
  }
}
