package dev.greenroom.http.internal.limits;

/** Where a rate limiter counts (express-rate-limit's {@code Store}). */
interface RateLimitStore {
  /** The key's hits in its current window, this one included, and when that window ends (epoch ms). */
  record Hits(long total, long resetAtMillis) {}

  Hits increment(String key) throws Exception;

  void decrement(String key) throws Exception;
}
