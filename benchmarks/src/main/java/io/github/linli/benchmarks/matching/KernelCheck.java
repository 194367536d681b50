package io.github.linli.benchmarks.matching;

import io.github.linli.matching.solver.CertifiedMatching;
import io.github.linli.matching.solver.MaxWeightBMatching;
import io.github.linli.matching.solver.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Solves instances of both shapes ({@link CityInstance} and {@link SharedOfferCity}) with Linli's
 * kernel (three times with the default threads, three times on the calling thread only, once with
 * the certificate, which is then verified) and once with each peer, prints time and optimal profit
 * of each, the ratio of each peer's time to Linli's best, and fails if an optimum differs or the
 * certificate does not verify. Usage: {@code java -Xmx2g -cp benchmarks.jar
 * io.github.linli.benchmarks.matching.KernelCheck demands offers [ortools] [jgrapht] [city|shared]}
 * (no shape named: both).
 */
public final class KernelCheck {
  private KernelCheck() {}

  /**
   * Runs the check.
   *
   * @param args demands, offers, then the peers to run and the shapes
   */
  public static void main(String[] args) {
    int demands = Integer.parseInt(args[0]);
    int offers = Integer.parseInt(args[1]);
    List<String> peers = new ArrayList<>();
    List<String> shapes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("city") || args[i].equals("shared")) {
        shapes.add(args[i]);
      } else {
        peers.add(args[i]);
      }
    }
    if (shapes.isEmpty()) {
      shapes = List.of("city", "shared");
    }
    List<String> summary = new ArrayList<>();
    for (String shape : shapes) {
      check(shape, demands, offers, peers, summary);
    }
    System.out.println();
    summary.forEach(System.out::println);
  }

  private static void check(String shape, int demands, int offers, List<String> peers, List<String> summary) {
    System.out.printf(Locale.ROOT, "%n== %s %d x %d%n", shape, demands, offers);
    long t0 = System.nanoTime();
    CityInstance in = CityInstance.generate(shape, demands, offers, 42);
    print("generate", t0, in.edgeDemand.length);
    long ours = 0;
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 3; rep++) {
      t0 = System.nanoTime();
      int[] chosen =
          MaxWeightBMatching.solve(in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
      ours = MaxWeightBMatching.totalProfit(chosen, in.edgeProfit);
      best = Math.min(best, print("linli", t0, ours));
    }
    double bestOne = Double.MAX_VALUE;
    for (int rep = 0; rep < 3; rep++) {
      t0 = System.nanoTime();
      int[] chosen = MaxWeightBMatching.solve(
          in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit, 1);
      long one = MaxWeightBMatching.totalProfit(chosen, in.edgeProfit);
      bestOne = Math.min(bestOne, print("linli-1t", t0, one));
      if (one != ours) {
        throw new IllegalStateException("one thread " + one + " != default " + ours);
      }
    }
    t0 = System.nanoTime();
    CertifiedMatching certified = MaxWeightBMatching.solveWithCertificate(
        in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer, in.edgeProfit);
    print("certified", t0, MaxWeightBMatching.totalProfit(certified.chosen(), in.edgeProfit));
    t0 = System.nanoTime();
    Verification v = MaxWeightBMatching.verify(in.demandCount, in.offerCapacity, in.edgeDemand, in.edgeOffer,
        in.edgeProfit, certified.chosen(), certified.certificate());
    print("verify", t0, v.profit());
    if (!v.isOptimal() || v.profit() != ours) {
      throw new IllegalStateException("certificate: " + v);
    }
    for (String peerName : peers) {
      t0 = System.nanoTime();
      long peer;
      if (peerName.equals("ortools")) {
        com.google.ortools.Loader.loadNativeLibraries();
        t0 = System.nanoTime();
        peer = Peers.orTools(in);
      } else if (peerName.equals("jgrapht")) {
        peer = Peers.jgrapht(in);
      } else {
        throw new IllegalArgumentException("peer " + peerName + ": ortools or jgrapht");
      }
      double seconds = print(peerName, t0, peer);
      if (peer != ours) {
        throw new IllegalStateException(peerName + " optimum " + peer + " != linli " + ours);
      }
      summary.add(String.format(Locale.ROOT,
          "%-6s %d x %d: %s %.3f s / linli %.3f s = %.1f; / linli one thread %.3f s = %.1f",
          shape, demands, offers, peerName, seconds, best, seconds / best, bestOne, seconds / bestOne));
    }
    if (peers.isEmpty()) {
      summary.add(String.format(Locale.ROOT, "%-6s %d x %d: linli %.3f s, one thread %.3f s",
          shape, demands, offers, best, bestOne));
    }
  }

  private static double print(String what, long t0, long value) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-9s %8.3f s  %d%n", what, seconds, value);
    return seconds;
  }
}
