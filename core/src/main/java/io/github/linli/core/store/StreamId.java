package io.github.linli.core.store;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one event stream: the tenant (the community whose state it is), the category (what
 * kind of aggregate: {@code member}, {@code pledge}, {@code demand} …) and the aggregate's id.
 *
 * <p>The tenant leads every key of the stored form, so one schema holds a city's communities and a
 * sharded PostgreSQL can distribute on it. Ids are opaque: a stream name never holds personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class StreamId implements Comparable<StreamId> {
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private final String tenant;
  private final String category;
  private final String id;

  private StreamId(String tenant, String category, String id) {
    this.tenant = tenant;
    this.category = category;
    this.id = id;
  }

  /**
   * Names a stream.
   *
   * @param tenant the community, an id of at most 128 characters
   * @param category lower-case letters, digits, '-' or '_', starting with a letter, at most 32
   * @param id the aggregate's id, at most 128 characters
   * @return the stream id
   * @throws ValidationException naming the field if a part is not acceptable
   */
  public static StreamId of(String tenant, String category, String id) {
    return new StreamId(tenant(tenant), category(category), Checks.id("stream.id", id));
  }

  static String tenant(String tenant) {
    return Checks.id("tenant", tenant);
  }

  static String category(String category) {
    if (category == null) {
      throw new ValidationException("stream.category", null, "must not be null");
    }
    if (!CATEGORY.matcher(category).matches()) {
      throw new ValidationException(
          "stream.category", Checks.printable(category), "must match " + CATEGORY.pattern());
    }
    return category;
  }

  /**
   * The tenant (community).
   *
   * @return the tenant id
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The category of aggregate.
   *
   * @return the category
   */
  public String category() {
    return category;
  }

  /**
   * The aggregate's id within its category.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  @Override
  public int compareTo(StreamId o) {
    int c = tenant.compareTo(o.tenant);
    if (c == 0) {
      c = category.compareTo(o.category);
    }
    return c != 0 ? c : id.compareTo(o.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamId
        && ((StreamId) o).tenant.equals(tenant)
        && ((StreamId) o).category.equals(category)
        && ((StreamId) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, category, id);
  }

  /** Returns {@code tenant/category/id}. */
  @Override
  public String toString() {
    return tenant + "/" + category + "/" + id;
  }
}
