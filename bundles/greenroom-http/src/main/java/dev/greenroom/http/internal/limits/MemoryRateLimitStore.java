package dev.greenroom.http.internal.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * express-rate-limit's {@code MemoryStore}: one fixed window per key, starting at the key's first
 * hit after the previous window ended. Keys whose window ended are dropped once per window.
 */
final class MemoryRateLimitStore implements RateLimitStore {
  private final long windowMillis;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, long[]> clients = new ConcurrentHashMap<>(); // {hits, resetAt}
  private volatile long nextSweep;

  MemoryRateLimitStore(long windowMillis, LongSupplier clock) {
    this.windowMillis = windowMillis;
    this.clock = clock;
    this.nextSweep = clock.getAsLong() + windowMillis;
  }

  @Override
  public Hits increment(String key) {
    long now = clock.getAsLong();
    sweep(now);
    long[] seen = new long[2];
    clients.compute(key, (k, v) -> {
      long[] client = v == null || v[1] <= now ? new long[] {0, now + windowMillis} : v;
      client[0]++;
      seen[0] = client[0];
      seen[1] = client[1];
      return client;
    });
    return new Hits(seen[0], seen[1]);
  }

  @Override
  public void decrement(String key) {
    clients.computeIfPresent(key, (k, v) -> {
      if (v[0] > 0) {
        v[0]--;
      }
      return v;
    });
  }

  private void sweep(long now) {
    if (now < nextSweep) {
      return;
    }
    nextSweep = now + windowMillis;
    clients.values().removeIf(c -> c[1] <= now);
  }

  int size() {
    return clients.size();
  }
}
