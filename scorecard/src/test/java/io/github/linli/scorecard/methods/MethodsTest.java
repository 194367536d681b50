package io.github.linli.scorecard.methods;

import static io.github.linli.scorecard.methods.Direction.BENEFIT;
import static io.github.linli.scorecard.methods.Direction.COST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ValidationException;
import org.junit.jupiter.api.Test;

/** Behaviour and bad input of the numeric methods. */
class MethodsTest {
  static final Direction[] B3 = {BENEFIT, BENEFIT, BENEFIT};

  @Test
  void randomIndex_tablesAsPublished() {
    assertEquals(0.58, RandomIndex.SAATY_1980.value(3));
    assertEquals(1.49, RandomIndex.SAATY_1980.value(10));
    assertEquals(0.52, RandomIndex.SAATY_2005.value(3));
    assertEquals(1.35, RandomIndex.SAATY_2005.value(7));
    assertEquals(1.2519, RandomIndex.DONEGAN_DODD_1991.value(7));
    assertEquals(1.5619, RandomIndex.DONEGAN_DODD_1991.value(25));
    // interpolated between 20 (1.5371) and 25 (1.5619), as AHPy does
    assertEquals(1.5371 + (1.5619 - 1.5371) * 2 / 5, RandomIndex.DONEGAN_DODD_1991.value(22), 1e-12);
    assertEquals(0.882, RandomIndex.AGUARON_2003.value(4));
    assertEquals(0, RandomIndex.AGUARON_2003.value(2));
    ValidationException e =
        assertThrows(ValidationException.class, () -> RandomIndex.SAATY_1980.value(16));
    assertTrue(e.getMessage().contains("1 to 15"), e.getMessage());
  }

  /**
   * RI is the mean consistency index of random reciprocal matrices on Saaty's 17-value scale; a
   * seeded simulation of 20,000 matrices per order reproduces the Aguarón–Moreno-Jiménez (2003)
   * table (100,000 matrices per order) within three standard errors. Guards the table against
   * typos.
   */
  @Test
  void randomIndex_aguaron_agreesWithSimulation() {
    double[] scale = {1 / 9.0, 1 / 8.0, 1 / 7.0, 1 / 6.0, 1 / 5.0, 1 / 4.0, 1 / 3.0, 1 / 2.0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    java.util.Random rnd = new java.util.Random(2003);
    for (int n = 3; n <= 8; n++) {
      int trials = 20_000;
      double sum = 0;
      double sumSq = 0;
      for (int t = 0; t < trials; t++) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
          a[i][i] = 1;
          for (int j = i + 1; j < n; j++) {
            a[i][j] = scale[rnd.nextInt(scale.length)];
            a[j][i] = 1 / a[i][j];
          }
        }
        double ci = Ahp.analyse(a, PriorityMethod.EIGENVECTOR, RandomIndex.AGUARON_2003).consistencyIndex();
        sum += ci;
        sumSq += ci * ci;
      }
      double mean = sum / trials;
      double se = Math.sqrt((sumSq / trials - mean * mean) / trials);
      assertEquals(RandomIndex.AGUARON_2003.value(n), mean, 3 * se, "n=" + n);
    }
  }

  @Test
  void analyse_priorityMethodsAgreeOnConsistentMatrix() {
    double[][] a = Ahp.reciprocal(2, 4, 2); // weights 4:2:1
    for (PriorityMethod m : PriorityMethod.values()) {
      AhpResult r = Ahp.analyse(a, m, RandomIndex.SAATY_1980);
      assertArrayEquals(new double[] {4 / 7.0, 2 / 7.0, 1 / 7.0}, r.weights(), 1e-12, m.name());
      assertEquals(3, r.lambdaMax(), 1e-12);
      assertEquals(0, r.consistencyRatio(), 1e-12);
    }
  }

  @Test
  void analyse_inconsistentMatrix_flagged() {
    // a > b (9), b > c (9), but c > a (9): a cycle
    double[][] a = Ahp.reciprocal(9, 1 / 9.0, 9);
    AhpResult r = Ahp.analyse(a, PriorityMethod.GEOMETRIC_MEAN, RandomIndex.SAATY_1980);
    assertFalse(r.isConsistent());
    assertTrue(r.toString().contains("inconsistent"), r.toString());
  }

  @Test
  void analyse_nonReciprocal_namesTheCell() {
    double[][] a = {{1, 3, 5}, {0.3, 1, 2}, {0.2, 0.5, 1}};
    ValidationException e = assertThrows(ValidationException.class, () -> Ahp.analyse(a));
    assertEquals("judgments[1][0]", e.field());
    assertTrue(e.getMessage().contains("0.3333"), e.getMessage());
  }

  @Test
  void analyse_badInput_clearErrors() {
    assertEquals(
        "judgments.length",
        assertThrows(ValidationException.class, () -> Ahp.analyse(new double[][] {{1}})).field());
    assertEquals(
        "judgments[0][1]",
        assertThrows(
                ValidationException.class, () -> Ahp.analyse(new double[][] {{1, -2}, {-0.5, 1}}))
            .field());
    assertEquals(
        "judgments[0][1]",
        assertThrows(
                ValidationException.class,
                () -> Ahp.analyse(new double[][] {{1, Double.NaN}, {1, 1}}))
            .field());
    assertEquals(
        "judgments[1].length",
        assertThrows(ValidationException.class, () -> Ahp.analyse(new double[][] {{1, 2}, {1}}))
            .field());
    assertThrows(ValidationException.class, () -> Ahp.analyse(null));
    assertThrows(
        ValidationException.class,
        () -> Ahp.analyse(new double[16][16], PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_1980));
  }

  @Test
  void analyse_twoByTwo_crZero() {
    AhpResult r = Ahp.analyse(Ahp.reciprocal(3));
    assertArrayEquals(new double[] {0.75, 0.25}, r.weights(), 1e-12);
    assertEquals(0, r.consistencyRatio());
    assertTrue(r.isConsistent());
  }

  @Test
  void group_geometricMeanOfExperts() {
    double[][] g = Ahp.group(Ahp.reciprocal(2, 4, 2), Ahp.reciprocal(8, 4, 0.5));
    assertEquals(4, g[0][1], 1e-12);
    assertEquals(4, g[0][2], 1e-12);
    assertEquals(1, g[1][2], 1e-12);
    assertEquals(0.25, g[1][0], 1e-12);
    assertThrows(
        ValidationException.class,
        () -> Ahp.group(Ahp.reciprocal(2, 4, 2), Ahp.reciprocal(3)));
  }

  @Test
  void complete_harker_eigenvectorOfCompletedMatrixIsHarkers() {
    double n = Ahp.MISSING;
    double[][] m = {{1, 2, n}, {n, 1, 3}, {n, n, 1}};
    double[][] c = Ahp.complete(m, AhpCompletion.HARKER);
    // a chain 2 then 3: a consistent completion gives a13 = 6
    assertEquals(6, c[0][2], 1e-9);
    assertEquals(0.5, c[1][0], 1e-12);
    AhpResult r = Ahp.analyse(c);
    assertEquals(0, r.consistencyRatio(), 1e-9);
  }

  @Test
  void complete_disconnected_rejected() {
    double n = Ahp.MISSING;
    double[][] m = {{1, 2, n, n}, {0.5, 1, n, n}, {n, n, 1, 3}, {n, n, 1 / 3.0, 1}};
    ValidationException e =
        assertThrows(ValidationException.class, () -> Ahp.complete(m, AhpCompletion.HARKER));
    assertTrue(e.getMessage().contains("do not connect"), e.getMessage());
  }

  @Test
  void entropy_constantColumnGetsZero_allConstantRejected() {
    double[][] x = {{1, 5, 2}, {2, 5, 2}, {3, 5, 9}};
    double[] w = EntropyWeights.of(x);
    assertEquals(0, w[1]);
    assertEquals(1, w[0] + w[2], 1e-12);
    assertThrows(ValidationException.class, () -> EntropyWeights.of(new double[][] {{1, 2}, {1, 2}}));
    assertEquals(
        "matrix[1][0]",
        assertThrows(ValidationException.class, () -> EntropyWeights.of(new double[][] {{1}, {-1}}))
            .field());
    assertEquals(
        "matrix.rows",
        assertThrows(ValidationException.class, () -> EntropyWeights.of(new double[][] {{1, 2}}))
            .field());
  }

  @Test
  void entropy_withDirections_costFlipsButWeightUnchanged() {
    double[][] x = {{1, 10}, {2, 30}, {4, 20}};
    double[] benefit = EntropyWeights.of(x, new Direction[] {BENEFIT, BENEFIT});
    double[] mixed = EntropyWeights.of(x, new Direction[] {BENEFIT, COST});
    assertEquals(1, benefit[0] + benefit[1], 1e-12);
    assertEquals(1, mixed[0] + mixed[1], 1e-12);
    assertThrows(
        ValidationException.class, () -> EntropyWeights.of(x, new Direction[] {BENEFIT}));
  }

  @Test
  void critic_constantColumnZero_andSingleVaryingColumnGetsAll() {
    double[][] x = {{1, 7, 3}, {2, 7, 1}, {4, 7, 2}};
    double[] w = CriticWeights.of(x, B3);
    assertEquals(0, w[1]);
    assertEquals(1, w[0] + w[2], 1e-12);
    double[] single = CriticWeights.of(new double[][] {{1, 7}, {2, 7}, {4, 7}}, new Direction[] {COST, BENEFIT});
    assertArrayEquals(new double[] {1, 0}, single, 1e-12);
  }

  @Test
  void combined_linearAndMultiplicative() {
    assertArrayEquals(
        new double[] {0.45, 0.55},
        CombinedWeights.linear(new double[] {0.6, 0.4}, new double[] {0.3, 0.7}, 0.5),
        1e-12);
    assertArrayEquals(
        new double[] {0.18 / 0.46, 0.28 / 0.46},
        CombinedWeights.multiplicative(new double[] {0.6, 0.4}, new double[] {0.3, 0.7}),
        1e-12);
    assertEquals(
        "alpha",
        assertThrows(
                ValidationException.class,
                () -> CombinedWeights.linear(new double[] {1}, new double[] {1}, 1.5))
            .field());
    assertThrows(
        ValidationException.class,
        () -> CombinedWeights.multiplicative(new double[] {1, 0}, new double[] {0, 1}));
  }

  @Test
  void topsis_identicalAlternatives_half() {
    double[] c = Topsis.closeness(new double[][] {{1, 2}, {1, 2}}, new double[] {1, 1}, new Direction[] {BENEFIT, COST});
    assertArrayEquals(new double[] {0.5, 0.5}, c);
  }

  @Test
  void greyRelational_handComputed() {
    // reference (1, 1); sequences (1, 1) and (0, 1): deltas {0,0} and {1,0}; min 0, max 1;
    // rho 0.5: xi = 0.5/(delta+0.5) -> (1, 1) and (1/3, 1); grades 1 and 2/3
    double[] g = GreyRelational.grades(new double[] {1, 1}, new double[][] {{1, 1}, {0, 1}}, 0.5);
    assertArrayEquals(new double[] {1, 2 / 3.0}, g, 1e-12);
    double[] w = GreyRelational.grades(new double[] {1, 1}, new double[][] {{1, 1}, {0, 1}}, 0.5, new double[] {3, 1});
    assertArrayEquals(new double[] {1, 0.75 / 3 + 0.25}, w, 1e-12);
    assertArrayEquals(new double[] {1, 1}, GreyRelational.grades(new double[] {2, 3}, new double[][] {{2, 3}, {2, 3}}, 0.5));
    assertEquals("rho", assertThrows(ValidationException.class, () -> GreyRelational.grades(new double[] {1}, new double[][] {{1}}, 0)).field());
  }

  @Test
  void fuzzy_operators() {
    double[] w = {0.6, 0.4};
    double[][] r = {{0.5, 0.3, 0.2}, {0.1, 0.6, 0.3}};
    assertArrayEquals(new double[] {0.34, 0.42, 0.24}, FuzzyEvaluation.evaluate(w, r, FuzzyOperator.WEIGHTED_SUM).raw(), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.4, 0.3}, FuzzyEvaluation.evaluate(w, r, FuzzyOperator.MIN_MAX).raw(), 1e-12);
    assertArrayEquals(new double[] {0.3, 0.24, 0.12}, FuzzyEvaluation.evaluate(w, r, FuzzyOperator.PRODUCT_MAX).raw(), 1e-12);
    assertArrayEquals(new double[] {0.6, 0.7, 0.5}, FuzzyEvaluation.evaluate(w, r, FuzzyOperator.BOUNDED_SUM).raw(), 1e-12);
    FuzzyResult f = FuzzyEvaluation.evaluate(w, r, FuzzyOperator.WEIGHTED_SUM);
    assertEquals(1, f.grade());
    assertEquals(0.34 * 90 + 0.42 * 70 + 0.24 * 50, f.score(new double[] {90, 70, 50}), 1e-12);
    assertEquals("membership[1][2]", assertThrows(ValidationException.class,
        () -> FuzzyEvaluation.evaluate(w, new double[][] {{0.5, 0.3, 0.2}, {0.1, 0.6, 1.3}}, FuzzyOperator.MIN_MAX)).field());
    assertThrows(ValidationException.class, () -> FuzzyEvaluation.evaluate(w, new double[][] {{0}, {0}}, FuzzyOperator.WEIGHTED_SUM));
  }

  @Test
  void likertMembership_sharesHighestFirst() {
    double[][] m = FuzzyEvaluation.likertMembership(new double[][] {{5, 1}, {4, 1}, {5, 2}, {3, 1}}, 5);
    assertArrayEquals(new double[] {0.5, 0.25, 0.25, 0, 0}, m[0], 1e-12);
    assertArrayEquals(new double[] {0, 0, 0, 0.25, 0.75}, m[1], 1e-12);
    assertEquals("responses[1][0]", assertThrows(ValidationException.class,
        () -> FuzzyEvaluation.likertMembership(new double[][] {{5}, {6}}, 5)).field());
  }

  @Test
  void reliability_accumulatorMatchesArrays_andZeroVarianceRejected() {
    double[][] x = {{1, 2, 3}, {2, 3, 3}, {4, 4, 5}, {5, 4, 4}};
    Reliability.Accumulator acc = Reliability.accumulator(3);
    for (double[] row : x) {
      acc.add(row);
    }
    assertEquals(Reliability.cronbachAlpha(x), acc.alpha(), 1e-12);
    assertArrayEquals(Reliability.alphaIfItemDeleted(x), acc.alphaIfItemDeleted(), 1e-12);
    assertTrue(acc.toString().contains("respondents=4"), acc.toString());
    ValidationException e = assertThrows(ValidationException.class,
        () -> Reliability.cronbachAlpha(new double[][] {{1, 2}, {1, 2}, {1, 2}}));
    assertTrue(e.getMessage().contains("zero variance"), e.getMessage());
    double[] r = Reliability.correctedItemTotalCorrelations(new double[][] {{1, 3, 2}, {1, 4, 5}, {1, 2, 1}});
    assertEquals(0, r[0]);
    assertThrows(ValidationException.class, () -> Reliability.alphaIfItemDeleted(new double[][] {{1, 2}, {2, 3}}));
    assertThrows(ValidationException.class, () -> Reliability.accumulator(1));
  }
}
