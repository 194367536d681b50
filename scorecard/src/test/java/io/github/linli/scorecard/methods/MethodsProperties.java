package io.github.linli.scorecard.methods;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the numeric methods. */
class MethodsProperties {

  @Provide
  Arbitrary<double[][]> matrices() {
    return Combinators.combine(Arbitraries.integers().between(2, 12), Arbitraries.integers().between(1, 6))
        .flatAs(
            (m, n) ->
                Arbitraries.doubles()
                    .between(0, 1000)
                    .ofScale(3)
                    .array(double[].class)
                    .ofSize(n)
                    .array(double[][].class)
                    .ofSize(m));
  }

  @Provide
  Arbitrary<double[]> positiveWeights() {
    return Arbitraries.doubles().between(0.01, 10).array(double[].class).ofMinSize(2).ofMaxSize(9);
  }

  static boolean varies(double[][] x) {
    for (int j = 0; j < x[0].length; j++) {
      for (double[] row : x) {
        if (row[j] != x[0][j]) {
          return true;
        }
      }
    }
    return false;
  }

  static void assertSimplex(double[] w) {
    double s = 0;
    for (double v : w) {
      assertTrue(v >= 0 && Double.isFinite(v), "weight " + v);
      s += v;
    }
    assertEquals(1, s, 1e-9);
  }

  static Direction[] directions(int n, long seed) {
    Direction[] d = new Direction[n];
    for (int j = 0; j < n; j++) {
      d[j] = ((seed >> j) & 1) == 0 ? Direction.BENEFIT : Direction.COST;
    }
    return d;
  }

  @Property(tries = 300)
  void entropyWeights_nonNegativeSummingToOne(@ForAll("matrices") double[][] x, @ForAll long seed) {
    Assume.that(varies(x));
    assertSimplex(EntropyWeights.of(x));
    assertSimplex(EntropyWeights.of(x, directions(x[0].length, seed)));
  }

  @Property(tries = 300)
  void criticWeights_nonNegativeSummingToOne(@ForAll("matrices") double[][] x, @ForAll long seed) {
    Assume.that(varies(x));
    assertSimplex(CriticWeights.of(x, directions(x[0].length, seed)));
  }

  @Property(tries = 200)
  void combinedWeights_simplex(
      @ForAll("positiveWeights") double[] s, @ForAll @DoubleRange(min = 0, max = 1) double alpha) {
    double[] o = new double[s.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = 1 + i;
    }
    assertSimplex(CombinedWeights.linear(s, o, alpha));
    assertSimplex(CombinedWeights.multiplicative(s, o));
  }

  @Property(tries = 200)
  void ahp_consistentMatrix_crZeroAndGeneratingWeights(@ForAll("positiveWeights") double[] g) {
    int n = g.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = g[i] / g[j];
      }
    }
    double sum = 0;
    for (double v : g) {
      sum += v;
    }
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      expected[i] = g[i] / sum;
    }
    for (PriorityMethod m : PriorityMethod.values()) {
      for (RandomIndex t : RandomIndex.values()) {
        AhpResult r = Ahp.analyse(a, m, t);
        assertArrayEquals(expected, r.weights(), 1e-9, m + " " + t);
        assertEquals(0, r.consistencyRatio(), 1e-9);
        assertEquals(n, r.lambdaMax(), 1e-9);
        assertTrue(r.isConsistent());
      }
    }
  }

  @Property(tries = 200)
  void ahp_randomReciprocal_weightsSimplexAndLambdaAtLeastN(
      @ForAll @IntRange(min = 2, max = 9) int n, @ForAll long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    double[] scale = {1 / 9.0, 1 / 7.0, 1 / 5.0, 1 / 3.0, 1, 3, 5, 7, 9};
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        a[i][j] = scale[rnd.nextInt(scale.length)];
        a[j][i] = 1 / a[i][j];
      }
    }
    AhpResult r = Ahp.analyse(a, PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_1980);
    assertSimplex(r.weights());
    assertTrue(r.lambdaMax() >= n - 1e-9, "lambdaMax " + r.lambdaMax());
    assertTrue(r.consistencyRatio() >= 0);
    // Harker: dropping a judgment and completing gives a reciprocal matrix whose own
    // eigenvector is Harker's
    if (n >= 3) {
      double[][] gap = r.matrix();
      gap[0][n - 1] = Ahp.MISSING;
      gap[n - 1][0] = Ahp.MISSING;
      double[][] c = Ahp.complete(gap, AhpCompletion.HARKER);
      assertEquals(1, c[0][n - 1] * c[n - 1][0], 1e-9);
      double[][] opt = Ahp.complete(gap, AhpCompletion.LAMBDA_MAX_OPTIMAL);
      double lh = Ahp.analyse(c).lambdaMax();
      double lo = Ahp.analyse(opt).lambdaMax();
      assertTrue(lo <= lh + 1e-9, "optimal " + lo + " > Harker " + lh);
    }
  }

  @Property(tries = 300)
  void topsis_closenessInUnitInterval_andScaleInvariant(
      @ForAll("matrices") double[][] x,
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
    int n = x[0].length;
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = 1 + j;
    }
    Direction[] d = directions(n, seed);
    double[] c = Topsis.closeness(x, w, d);
    for (double v : c) {
      assertTrue(v >= 0 && v <= 1, "closeness " + v);
    }
    int col = (int) Math.floorMod(seed, (long) n);
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = x[i].clone();
      scaled[i][col] *= factor;
    }
    assertArrayEquals(c, Topsis.closeness(scaled, w, d), 1e-9);
  }

  @Property(tries = 200)
  void greyGrades_inUnitInterval(@ForAll("matrices") double[][] x, @ForAll @DoubleRange(min = 0.05, max = 1) double rho) {
    double[] ref = x[0];
    for (double g : GreyRelational.grades(ref, x, rho)) {
      assertTrue(g > 0 && g <= 1 + 1e-12, "grade " + g);
    }
  }

  @Property(tries = 200)
  void alpha_equalsTwoPassFormula(@ForAll("likert") double[][] x) {
    int items = x[0].length;
    int k = 0;   // issue 17: items with zero variance are left out of k, as SPSS and psych do
    double[] total = new double[x.length];
    double sumVar = 0;
    for (int j = 0; j < items; j++) {
      double m = 0;
      for (double[] row : x) {
        m += row[j];
      }
      m /= x.length;
      double v = 0;
      for (double[] row : x) {
        v += (row[j] - m) * (row[j] - m);
      }
      sumVar += v / (x.length - 1);
      if (v > 0) {
        k++;
      }
    }
    for (int i = 0; i < x.length; i++) {
      for (double v : x[i]) {
        total[i] += v;
      }
    }
    double mt = 0;
    for (double t : total) {
      mt += t;
    }
    mt /= x.length;
    double vt = 0;
    for (double t : total) {
      vt += (t - mt) * (t - mt);
    }
    vt /= x.length - 1;
    Assume.that(vt > 0 && k >= 2);
    assertEquals(k / (k - 1.0) * (1 - sumVar / vt), Reliability.cronbachAlpha(x), 1e-9);
  }

  @Provide
  Arbitrary<double[][]> likert() {
    return Combinators.combine(Arbitraries.integers().between(2, 30), Arbitraries.integers().between(2, 8))
        .flatAs(
            (m, n) ->
                Arbitraries.integers()
                    .between(1, 5)
                    .map(Integer::doubleValue)
                    .list()
                    .ofSize(n)
                    .map(MethodsProperties::toArray)
                    .array(double[][].class)
                    .ofSize(m));
  }

  static double[] toArray(List<Double> l) {
    double[] a = new double[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
