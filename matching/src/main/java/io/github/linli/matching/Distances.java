package io.github.linli.matching;

import java.util.Locale;

/**
 * How a distance is shown in text (issue 17): rounded to tens of metres, never to the metre or
 * decimetre. With the places of a few public offers, exact distances locate a requester's home to
 * the building (trilateration); every {@code toString()} and detail text of this package goes
 * through here. The accessors keep the exact figures for the caller.
 */
final class Distances {
  /** The resolution of a distance in text, in metres. */
  static final int TEXT_RESOLUTION_METRES = 10;

  private Distances() {}

  /**
   * A distance for text: {@code ~190 m}, {@code ~0 m} below 5 m.
   *
   * @param metres the distance
   * @return the rounded text
   */
  static String text(double metres) {
    if (!Double.isFinite(metres)) {
      return "? m";
    }
    long rounded = Math.round(metres / TEXT_RESOLUTION_METRES) * TEXT_RESOLUTION_METRES;
    return String.format(Locale.ROOT, "~%d m", rounded);
  }
}
