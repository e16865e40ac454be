package dev.greenroom.database.internal;

import java.time.Duration;

/** Exponential backoff between attempts to reach a database server: initial, doubling, capped. */
record Backoff(Duration initial, Duration max) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

  Duration delay(int failedAttempts) {
    long ms = initial.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 20);
    return Duration.ofMillis(Math.min(ms, max.toMillis()));
  }
}
