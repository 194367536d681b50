package io.github.linli.core.store;

import io.github.linli.core.ConflictException;

/**
 * An append was refused because a stream had moved on since the command read it: another writer
 * (another thread, or another server on the same database) appended first. Nothing was written.
 *
 * <p>Repositories catch this, load the stream again and re-run the command on the fresh state; it
 * reaches callers only when the command still conflicts after that, or when they append directly.
 *
 * @since 0.2.0
 */
public class WrongExpectedVersionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** The stream, as {@code tenant/category/id} ({@code tenant/category/*} for a whole category). */
  private final String stream;
  /** The version (or feed position) the command expected. */
  private final long expected;
  /** The version (or feed position) the store holds. */
  private final long actual;

  /**
   * Creates the error.
   *
   * @param stream the stream
   * @param expected the version the command expected
   * @param actual the version the store holds
   */
  public WrongExpectedVersionException(StreamId stream, long expected, long actual) {
    super("stream " + stream + " is at version " + actual + ", expected " + expected
        + ": another writer appended first; load it again and retry the command");
    this.stream = String.valueOf(stream);
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * Creates the error for a category that moved on: it has an event after the position a command
   * read up to.
   *
   * @param tenant the tenant
   * @param category the category
   * @param position the position the command read up to
   * @param latest the position of the category's latest event
   */
  public WrongExpectedVersionException(String tenant, String category, long position, long latest) {
    super("category " + tenant + "/" + category + " has an event at position " + latest + ", after position " + position
        + " that the command had read up to: another writer appended first; load it again and retry the command");
    this.stream = tenant + "/" + category + "/*";
    this.expected = position;
    this.actual = latest;
  }

  /**
   * The stream, as {@code tenant/category/id} ({@code tenant/category/*} for a whole category).
   *
   * @return the stream name
   */
  public String stream() {
    return stream;
  }

  /**
   * The version the command expected.
   *
   * @return the expected version
   */
  public long expected() {
    return expected;
  }

  /**
   * The version the store holds.
   *
   * @return the actual version
   */
  public long actual() {
    return actual;
  }
}
