package dev.greenroom.events.internal;

import java.time.Duration;

/**
 * How long the PostgreSQL bus keeps events, upstream's defaults (DatabaseEventBusStore.ts): every
 * event for {@code minAge}, the last {@code maxCount} for {@code maxAge}; older ones are deleted,
 * and a subscription whose cursor falls behind the oldest event left is dropped.
 */
public record Window(int maxCount, Duration minAge, Duration maxAge) {
  public static final Window DEFAULT = new Window(10_000, Duration.ofMinutes(10), Duration.ofDays(1));
}
