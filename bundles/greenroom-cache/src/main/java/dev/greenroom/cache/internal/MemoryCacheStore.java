package dev.greenroom.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/** The default {@code memory} store: one Caffeine cache for all plugins, expiring each entry by its own TTL. */
public final class MemoryCacheStore implements CacheStore {
  private record Entry(String json, long ttlNanos) {}

  private final Cache<String, Entry> cache;

  public MemoryCacheStore() {
    this(Ticker.systemTicker());
  }

  /** @param ticker the clock expiry is measured with; tests pass one they advance by hand */
  public MemoryCacheStore(Ticker ticker) {
    this.cache = Caffeine.newBuilder()
        .ticker(ticker)
        // Maintenance on the calling thread: no pool threads left behind by a stopped bundle.
        .executor(Runnable::run)
        .expireAfter(new Expiry<String, Entry>() {
          @Override
          public long expireAfterCreate(String key, Entry value, long currentTime) {
            return value.ttlNanos();
          }

          @Override
          public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
            return value.ttlNanos();
          }

          @Override
          public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .build();
  }

  @Override
  public Optional<String> get(String key) {
    Entry entry = cache.getIfPresent(key);
    return entry == null ? Optional.empty() : Optional.of(entry.json());
  }

  @Override
  public void set(String key, String json, Duration ttl) {
    cache.put(key, new Entry(json, ttl == null ? Long.MAX_VALUE : saturatedNanos(ttl)));
  }

  @Override
  public void delete(String key) {
    cache.invalidate(key);
  }

  @Override
  public void close() {
    cache.invalidateAll();
  }

  private static long saturatedNanos(Duration ttl) {
    try {
      return ttl.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
