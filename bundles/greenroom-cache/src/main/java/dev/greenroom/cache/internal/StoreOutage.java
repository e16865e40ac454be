package dev.greenroom.cache.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.function.LongSupplier;

/**
 * The state of a remote cache store as one line per change, not one per operation (issue 11: a
 * Redis outage wrote 96,687 warnings in 20 s), and a fast miss while it is down: after a failure,
 * operations answer as cache misses without calling the store for {@code retryMillis}; then one
 * operation tries again. A frozen Redis then costs one timeout per second instead of one per
 * request, so it cannot take the server's threads.
 */
final class StoreOutage {
  private final String store;
  private final LoggerService logger;
  private final LongSupplier clock;
  private final long retryMillis;
  private boolean down;
  private long retryAt;
  private long failures;

  StoreOutage(String store, LoggerService logger, LongSupplier clock, long retryMillis) {
    this.store = store;
    this.logger = logger;
    this.clock = clock;
    this.retryMillis = retryMillis;
  }

  /** Whether to call the store now: always while it is up, once per {@code retryMillis} while down. */
  synchronized boolean tryNow() {
    if (!down) {
      return true;
    }
    long now = clock.getAsLong();
    if (now < retryAt) {
      failures++;
      return false;
    }
    retryAt = now + retryMillis; // this caller probes; the others miss fast meanwhile
    return true;
  }

  synchronized void failed(String operation, String message) {
    failures++;
    retryAt = clock.getAsLong() + retryMillis;
    if (!down) {
      down = true;
      logger.warn("Cache store " + store + " is unavailable (" + operation + ": " + message
          + "); cache operations answer as misses and it is retried every " + retryMillis + " ms");
    }
  }

  synchronized void succeeded() {
    if (down) {
      down = false;
      logger.info("Cache store " + store + " is available again after " + failures + " missed operation(s)");
      failures = 0;
    }
  }
}
