package io.github.linli.timebank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. Thread-safe. */
final class TestClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  TestClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  TestClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new TestClock(now, z);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
