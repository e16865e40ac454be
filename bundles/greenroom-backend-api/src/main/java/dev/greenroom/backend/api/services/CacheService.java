package dev.greenroom.backend.api.services;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's key-value cache. Backstage's {@code CacheService} ({@code core.cache}): keys are
 * namespaced per plugin; the store (memory by default) comes from {@code backend.cache}. Values are
 * JSON-like: String, Number, Boolean, List or Map of those. Cache failures are not fatal: a value
 * may vanish at any time.
 */
@ProviderType
public interface CacheService {
  /** The value stored under {@code key}, or empty if none (or it expired). */
  Optional<Object> get(String key);

  /** Stores {@code value} under {@code key} with this client's default TTL. */
  default void set(String key, Object value) {
    set(key, value, null);
  }

  /**
   * Stores {@code value} under {@code key}.
   *
   * @param ttl how long to keep it; null for this client's default TTL
   */
  void set(String key, Object value, Duration ttl);

  void delete(String key);

  /** A client on the same namespace with {@code options} applied, such as another default TTL. */
  CacheService withOptions(CacheServiceOptions options);
}
