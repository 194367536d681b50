package io.github.linli.core.alliance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pledged service is given: a point, a grid cell (网格) of the community, or both.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Place {
  private final GeoPoint point;
  private final String gridCell;

  private Place(GeoPoint point, String gridCell) {
    this.point = point;
    this.gridCell = gridCell;
  }

  /**
   * A place at a point.
   *
   * @param point the point
   * @return the place
   */
  public static Place at(GeoPoint point) {
    return new Place(checkNotNull(point, "point"), null);
  }

  /**
   * A place known by its grid cell only.
   *
   * @param gridCell the grid cell id
   * @return the place
   * @throws ValidationException if the id is invalid
   */
  public static Place cell(String gridCell) {
    return new Place(null, Checks.id("place.gridCell", gridCell));
  }

  /**
   * A place with both a point and a grid cell.
   *
   * @param point the point
   * @param gridCell the grid cell id
   * @return the place
   * @throws ValidationException if the id is invalid
   */
  public static Place of(GeoPoint point, String gridCell) {
    return new Place(checkNotNull(point, "point"), Checks.id("place.gridCell", gridCell));
  }

  /**
   * The point.
   *
   * @return the point, if known
   */
  public Optional<GeoPoint> point() {
    return Optional.ofNullable(point);
  }

  /**
   * The grid cell.
   *
   * @return the grid cell id, if known
   */
  public Optional<String> gridCell() {
    return Optional.ofNullable(gridCell);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Place && Objects.equals(((Place) o).point, point) && Objects.equals(((Place) o).gridCell, gridCell);
  }

  @Override
  public int hashCode() {
    return Objects.hash(point, gridCell);
  }

  @Override
  public String toString() {
    return "Place{" + (point == null ? "" : point.toString()) + (point != null && gridCell != null ? " " : "")
        + (gridCell == null ? "" : "cell " + gridCell) + "}";
  }
}
