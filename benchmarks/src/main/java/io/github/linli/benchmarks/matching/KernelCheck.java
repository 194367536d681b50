package io.github.linli.benchmarks.matching;

import io.github.linli.matching.solver.MaxWeightBMatching;
import java.util.Locale;

/**
 * Solves city instances with Linli's kernel (three times with the default threads, three times on
 * the calling thread only) and once with each peer, prints time and optimal profit of each and
 * fails if they differ. Usage: {@code java -Xmx2g -cp benchmarks.jar
 * io.github.linli.benchmarks.matching.KernelCheck demands offers [ortools] [jgrapht]}.
 */
public final class KernelCheck {
  private KernelCheck() {}

  /**
   * Runs the check.
   *
   * @param args demands, offers, then the peers to run
   */
  public static void main(String[] args) {
    int demands = Integer.parseInt(args[0]);
    int offers = Integer.parseInt(args[1]);
    long t0 = System.nanoTime();
    CityInstance in = CityInstance.generate(demands, offers, 42);
    print("generate", t0, in.edgeDemand.length);
    long ours = 0;
    for (int rep = 0; rep < 3; rep++) {
      t0 = System.nanoTime();
      int[] chosen =
          MaxWeightBMatching.solve(in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
      ours = MaxWeightBMatching.totalProfit(chosen, in.edgeProfit);
      print("linli", t0, ours);
    }
    for (int rep = 0; rep < 3; rep++) {
      t0 = System.nanoTime();
      int[] chosen = MaxWeightBMatching.solve(
          in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
      long one = MaxWeightBMatching.totalProfit(chosen, in.edgeProfit);
      print("linli-1t", t0, one);
      if (one != ours) {
        throw new IllegalStateException("one thread " + one + " != default " + ours);
      }
    }
    for (int i = 2; i < args.length; i++) {
      t0 = System.nanoTime();
      long peer;
      if (args[i].equals("ortools")) {
        com.google.ortools.Loader.loadNativeLibraries();
        t0 = System.nanoTime();
        peer = Peers.orTools(in);
      } else {
        peer = Peers.jgrapht(in);
      }
      print(args[i], t0, peer);
      if (peer != ours) {
        throw new IllegalStateException(args[i] + " optimum " + peer + " != linli " + ours);
      }
    }
  }

  private static void print(String what, long t0, long value) {
    System.out.printf(Locale.ROOT, "%-9s %8.3f s  %d%n", what, (System.nanoTime() - t0) / 1e9, value);
  }
}
