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

  private final String stream;
  private final long expected;
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
   * The stream, as {@code tenant/category/id}.
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
