package io.github.linli.scorecard.methods;

import static io.github.linli.scorecard.methods.Direction.BENEFIT;
import static io.github.linli.scorecard.methods.Direction.COST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The methods against worked examples published in books and papers. */
class PublishedExamplesTest {

  /**
   * Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
   * Sciences 1(1), 83–98: relative consumption of drinks in the USA. Order: coffee, wine, tea,
   * beer, soda, milk, water. The weights and CRs to the precision AHPy's tests assert (AHPy
   * tests/test_ahp.py: weights to 4 decimals; CR 0.0235 with Donegan–Dodd, 0.022 with Saaty).
   */
  static final double[][] DRINKS = {
    {1, 9, 5, 2, 1, 1, 1 / 2.0},
    {1 / 9.0, 1, 1 / 3.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0},
    {1 / 5.0, 3, 1, 1 / 3.0, 1 / 4.0, 1 / 3.0, 1 / 9.0},
    {1 / 2.0, 9, 3, 1, 1 / 2.0, 1, 1 / 3.0},
    {1, 9, 4, 2, 1, 2, 1 / 2.0},
    {1, 9, 3, 1, 1 / 2.0, 1, 1 / 3.0},
    {2, 9, 9, 3, 2, 3, 1}
  };

  @Test
  void ahp_saatyDrinks_eigenvectorWeightsAndCr() {
    AhpResult dd = Ahp.analyse(DRINKS, PriorityMethod.EIGENVECTOR, RandomIndex.DONEGAN_DODD_1991);
    assertArrayEquals(
        new double[] {0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268},
        dd.weights(),
        5e-5);
    assertEquals(0.0235, dd.consistencyRatio(), 5e-5);
    AhpResult saaty = Ahp.analyse(DRINKS, PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_2005);
    assertEquals(0.022, saaty.consistencyRatio(), 5e-4);
    assertTrue(saaty.isConsistent());
    assertEquals(7.1766, saaty.lambdaMax(), 1e-4);
  }

  /**
   * Bozóki, Fülöp and Rónyai (2010), the 4×4 incomplete example also in AHPy's tests: a–b 1, a–c
   * 5, a–d 2, b–c 3, b–d 4, c–d missing. λmax-optimal completion c/d = 0.730297; weights 0.3738,
   * 0.392, 0.0985, 0.1357; CR (Donegan–Dodd) 0.0372.
   */
  @Test
  void complete_bozokiExample_lambdaMaxOptimal() {
    double n = Ahp.MISSING;
    double[][] m = {{1, 1, 5, 2}, {1, 1, 3, 4}, {1 / 5.0, 1 / 3.0, 1, n}, {1 / 2.0, 1 / 4.0, n, 1}};
    double[][] c = Ahp.complete(m, AhpCompletion.LAMBDA_MAX_OPTIMAL);
    assertEquals(0.730297106886979, c[2][3], 1e-4);
    AhpResult r = Ahp.analyse(c, PriorityMethod.EIGENVECTOR, RandomIndex.DONEGAN_DODD_1991);
    assertArrayEquals(new double[] {0.3738, 0.392, 0.0985, 0.1357}, r.weights(), 1e-4);
    assertEquals(0.0372, r.consistencyRatio(), 1e-4);
  }

  /**
   * Hwang and Yoon (1981), Multiple Attribute Decision Making, the fighter-aircraft example: four
   * aircraft, criteria max speed, ferry range, max payload, acquisition cost (cost), reliability,
   * manoeuvrability; weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. The book works with tables rounded to
   * three or four decimals and reports closeness of about 0.643, 0.268, 0.613, 0.312 (ranking A1,
   * A3, A4, A2); unrounded arithmetic agrees to within 0.001.
   */
  @Test
  void topsis_hwangYoonFighterAircraft() {
    double[][] x = {
      {2.0, 1500, 20000, 5.5, 5, 9},
      {2.5, 2700, 18000, 6.5, 3, 5},
      {1.8, 2000, 21000, 4.5, 7, 7},
      {2.2, 1800, 20000, 5.0, 5, 5}
    };
    double[] c =
        Topsis.closeness(
            x,
            new double[] {0.2, 0.1, 0.1, 0.1, 0.2, 0.3},
            new Direction[] {BENEFIT, BENEFIT, BENEFIT, COST, BENEFIT, BENEFIT});
    assertArrayEquals(new double[] {0.643, 0.268, 0.613, 0.312}, c, 1e-3);
    assertTrue(c[0] > c[2] && c[2] > c[3] && c[3] > c[1]);
  }

  /**
   * The TOPSIS scores asserted by the test suite of the R package {@code decision} (jbytecode,
   * test-multiple-criteria.R): three alternatives, four benefit criteria, weights 4, 2, 6, 8 over
   * 20; scores 0.3876870, 0.6503238, 0.0834767.
   */
  @Test
  void topsis_rDecisionPackage() {
    double[][] x = {{9, 7, 6, 7}, {8, 7, 9, 6}, {7, 8, 6, 6}};
    Direction[] d = {BENEFIT, BENEFIT, BENEFIT, BENEFIT};
    assertArrayEquals(
        new double[] {0.3876870, 0.6503238, 0.0834767},
        Topsis.closeness(x, new double[] {4, 2, 6, 8}, d),
        1e-6);
  }

  /**
   * Xu, X. (2004). A note on the subjective and objective integrated approach to determine
   * attribute weights. EJOR 156(2), 530–532: entropy weights 0.4630, 0.3992, 0.1378, 0.0000 (as
   * reproduced in the crispyn test suite).
   */
  @Test
  void entropy_xu2004() {
    double[][] x = {{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}};
    assertArrayEquals(
        new double[] {0.4630, 0.3992, 0.1378, 0.0000}, EntropyWeights.of(x), 1e-4);
  }

  /**
   * Tuş, A. and Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for the
   * time and attendance software selection problem. Opsearch 56(2), 528–538: CRITIC weights 0.157,
   * 0.249, 0.168, 0.121, 0.154, 0.151. The published figures are reproduced with every criterion
   * scaled as a benefit (correlations of the raw data, as crispyn's test also does); scaling price
   * as a cost, as Diakoulaki's method prescribes, flips its correlations and gives other weights.
   */
  @Test
  void critic_tusAdali2019() {
    double[][] x = {
      {5000, 3, 3, 4, 3, 2},
      {680, 5, 3, 2, 2, 1},
      {2000, 3, 2, 3, 4, 3},
      {600, 4, 3, 1, 2, 2},
      {800, 2, 4, 3, 3, 4}
    };
    Direction[] allBenefit = new Direction[6];
    java.util.Arrays.fill(allBenefit, BENEFIT);
    assertArrayEquals(
        new double[] {0.157, 0.249, 0.168, 0.121, 0.154, 0.151},
        CriticWeights.of(x, allBenefit),
        1e-3);
    // Standard deviations in the published table (scaled data, n-1): 0.4284 for price etc. do not
    // change when price is scaled as a cost; only its correlations change sign.
    Direction[] priceCost = allBenefit.clone();
    priceCost[0] = COST;
    double[] w = CriticWeights.of(x, priceCost);
    assertEquals(0.1841, w[0], 1e-4);
  }

  /**
   * Denis, D. J. (2021). Applied Univariate, Bivariate, and Multivariate Statistics, 2nd ed.,
   * Wiley, ch. 1 (Cronbach's alpha, SPSS RELIABILITY output): α = 0.633; corrected item–total
   * correlations 0.712, 0.558, 0.512, 0.796, −0.228; alpha if item deleted 0.478, 0.476, 0.507,
   * 0.445, 0.824.
   */
  @Test
  void cronbachAlpha_denis2021() {
    double[][] x = {
      {10, 12, 15, 11, 12},
      {12, 18, 12, 12, 1},
      {8, 16, 14, 14, 4},
      {6, 8, 16, 8, 6},
      {4, 7, 8, 7, 5},
      {6, 6, 3, 7, 3},
      {3, 4, 6, 5, 8},
      {7, 3, 7, 9, 9},
      {8, 9, 4, 10, 10},
      {9, 5, 6, 11, 12}
    };
    assertEquals(0.633, Reliability.cronbachAlpha(x), 5e-4);
    assertArrayEquals(
        new double[] {0.712, 0.558, 0.512, 0.796, -0.228},
        Reliability.correctedItemTotalCorrelations(x),
        5e-4);
    assertArrayEquals(
        new double[] {0.478, 0.476, 0.507, 0.445, 0.824},
        Reliability.alphaIfItemDeleted(x),
        5e-4);
  }
}
