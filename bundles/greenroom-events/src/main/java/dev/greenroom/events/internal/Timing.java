package dev.greenroom.events.internal;

/**
 * A reader's pace: the first retry after a failure (doubled at each failure up to {@code
 * maxBackoffMillis}: upstream's POLL_BACKOFF_*), and how long an idle reader waits for a wake-up
 * before reading again anyway (missed notifications cost at most this).
 */
public record Timing(long initialBackoffMillis, long maxBackoffMillis, long idlePollMillis, int batchSize) {
  public static final Timing DEFAULT = new Timing(1_000, 60_000, 30_000, 10);
}
