package dev.greenroom.cache.internal;

import java.time.Duration;
import java.util.Optional;

/** Where serialized values live; keys arrive already namespaced. Implementations never throw on I/O. */
public interface CacheStore extends AutoCloseable {
  Optional<String> get(String key);

  /** @param ttl how long to keep the value; null keeps it until evicted */
  void set(String key, String json, Duration ttl);

  void delete(String key);

  @Override
  void close();
}
