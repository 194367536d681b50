package io.github.linli.matching.solver;

/**
 * An optimal matching with the dual prices that prove it optimal: the answer of {@link
 * MaxWeightBMatching#solveWithCertificate}. Pass both to {@link MaxWeightBMatching#verify} to
 * check the proof.
 *
 * <p>An immutable value: the chosen edges are copied out. Thread-safe.
 *
 * @since 0.1.0
 */
public final class CertifiedMatching {
  private final int[] chosen;
  private final OptimalityCertificate certificate;

  CertifiedMatching(int[] chosen, OptimalityCertificate certificate) {
    this.chosen = chosen;
    this.certificate = certificate;
  }

  /**
   * The chosen edges, as {@link MaxWeightBMatching#solve(int, int[], int[], int[], long[])}
   * returns them.
   *
   * @return a copy: for each demand, the index of its chosen edge, or -1 if it is not served
   */
  public int[] chosen() {
    return chosen.clone();
  }

  /**
   * The chosen edge of one demand.
   *
   * @param demand a demand index
   * @return the index of its chosen edge, or -1 if it is not served
   * @throws IndexOutOfBoundsException if {@code demand} is out of range
   */
  public int chosen(int demand) {
    java.util.Objects.checkIndex(demand, chosen.length);
    return chosen[demand];
  }

  /**
   * The dual prices proving the matching optimal.
   *
   * @return the certificate
   */
  public OptimalityCertificate certificate() {
    return certificate;
  }

  /**
   * The number of demands and of served demands.
   *
   * @return for example {@code "CertifiedMatching{demands=10, served=7}"}
   */
  @Override
  public String toString() {
    int served = 0;
    for (int e : chosen) {
      if (e >= 0) {
        served++;
      }
    }
    return "CertifiedMatching{demands=" + chosen.length + ", served=" + served + "}";
  }
}
