package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * A condition that shows per request (a plugin at its concurrency bound, requests timing out): one
 * warning when it begins, one line with the count when it has been quiet for {@link #QUIET_NANOS}
 * ({@link SlotWatch} checks), never a line per request.
 */
final class Episode {
  static final long QUIET_NANOS = 5_000_000_000L;

  private final LoggerService logger;
  private final String begins;
  private final LongFunction<String> ends;
  private final AtomicBoolean open = new AtomicBoolean();
  private final LongAdder count = new LongAdder();
  private final AtomicLong lastNanos = new AtomicLong();

  Episode(LoggerService logger, String begins, LongFunction<String> ends) {
    this.logger = logger;
    this.begins = begins;
    this.ends = ends;
  }

  void occurred() {
    count.increment();
    lastNanos.set(System.nanoTime());
    if (open.compareAndSet(false, true) && logger != null) {
      logger.warn(begins);
    }
  }

  void endIfQuiet(long nowNanos) {
    if (open.get() && nowNanos - lastNanos.get() > QUIET_NANOS && open.compareAndSet(true, false)) {
      long n = count.sumThenReset();
      if (logger != null) {
        logger.info(ends.apply(n));
      }
    }
  }
}
