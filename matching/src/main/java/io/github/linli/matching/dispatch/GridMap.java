package io.github.linli.matching.dispatch;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A community's grid map (网格图): the centre of each grid cell, so that a need submitted with a
 * grid cell only (as the portal guide's form does) can be placed. A cell's centre is a public
 * point, not a home: distances measured from it are as precise as the cell.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class GridMap {
  private final Map<String, GeoPoint> centres;

  private GridMap(Map<String, GeoPoint> centres) {
    this.centres = centres;
  }

  /**
   * A grid map from cell ids to centres.
   *
   * @param centres the centres by cell id
   * @return the map
   * @throws ValidationException if a cell id is not an id or a centre is null
   */
  public static GridMap of(Map<String, GeoPoint> centres) {
    if (centres == null) {
      throw new ValidationException("centres", null, "must not be null");
    }
    Map<String, GeoPoint> copy = new TreeMap<>();
    centres.forEach((cell, point) -> {
      Checks.id("gridMap.cell", cell);
      if (point == null) {
        throw new ValidationException("gridMap.centre", cell, "must not be null");
      }
      copy.put(cell, point);
    });
    return new GridMap(Map.copyOf(copy));
  }

  /**
   * A map without cells: needs must carry a point.
   *
   * @return the empty map
   */
  public static GridMap empty() {
    return new GridMap(Map.of());
  }

  /**
   * The centre of a cell.
   *
   * @param cell the cell id
   * @return its centre, or empty if the map does not know it
   */
  public Optional<GeoPoint> centre(String cell) {
    return cell == null ? Optional.empty() : Optional.ofNullable(centres.get(cell));
  }

  /**
   * The number of cells.
   *
   * @return the count
   */
  public int size() {
    return centres.size();
  }

  @Override
  public String toString() {
    return "GridMap{" + centres.size() + " cells}";
  }
}
