package io.github.linli.core;

/**
 * A point on the earth in decimal degrees (WGS-84 or the portal's own datum; Linli only compares
 * points of the same datum).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class GeoPoint {
  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private final double latitude;
  private final double longitude;

  private GeoPoint(double latitude, double longitude) {
    this.latitude = latitude;
    this.longitude = longitude;
  }

  /**
   * Creates a point.
   *
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @return the point
   * @throws ValidationException if either is out of range or not finite
   */
  public static GeoPoint of(double latitude, double longitude) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new ValidationException("latitude", latitude, "must be in [-90, 90]");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new ValidationException("longitude", longitude, "must be in [-180, 180]");
    }
    return new GeoPoint(latitude, longitude);
  }

  /**
   * The latitude in degrees.
   *
   * @return the latitude
   */
  public double latitude() {
    return latitude;
  }

  /**
   * The longitude in degrees.
   *
   * @return the longitude
   */
  public double longitude() {
    return longitude;
  }

  /**
   * The great-circle (haversine) distance to another point, in metres.
   *
   * @param other the other point
   * @return the distance in metres, {@code >= 0}
   */
  public double distanceMetres(GeoPoint other) {
    double p1 = Math.toRadians(latitude);
    double p2 = Math.toRadians(other.latitude);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.longitude - longitude);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeoPoint
        && Double.compare(((GeoPoint) o).latitude, latitude) == 0
        && Double.compare(((GeoPoint) o).longitude, longitude) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(latitude) * 31 + Double.hashCode(longitude);
  }

  @Override
  public String toString() {
    return "(" + latitude + ", " + longitude + ")";
  }
}
