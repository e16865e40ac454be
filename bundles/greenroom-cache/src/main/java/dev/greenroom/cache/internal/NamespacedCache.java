package dev.greenroom.cache.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.CacheServiceOptions;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's view of the store: every key is prefixed {@code <pluginId>:}, values are JSON text, so
 * memory and Redis hand back the same types (String, Number, Boolean, List, Map) and a caller
 * never shares a mutable object with the cache.
 */
final class NamespacedCache implements CacheService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CacheStore store;
  private final String pluginId;
  private final Duration defaultTtl;
  private final LoggerService logger;

  NamespacedCache(CacheStore store, String pluginId, Duration defaultTtl, LoggerService logger) {
    this.store = store;
    this.pluginId = pluginId;
    this.defaultTtl = defaultTtl;
    this.logger = logger;
  }

  @Override
  public Optional<Object> get(String key) {
    Optional<String> json = store.get(namespaced(key));
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readValue(json.get(), Object.class));
    } catch (JsonProcessingException e) {
      // Written by something else sharing the Redis database: a miss, not a failure.
      logger.warn("Cache value of key '" + key + "' of plugin '" + pluginId + "' is not JSON; ignoring it");
      return Optional.empty();
    }
  }

  @Override
  public void set(String key, Object value, Duration ttl) {
    Objects.requireNonNull(value, () -> "Cache value of key '" + key + "' of plugin '" + pluginId + "' may not be null");
    Duration effective = ttl == null ? defaultTtl : ttl;
    if (effective != null && (effective.isNegative() || effective.isZero())) {
      throw new IllegalArgumentException("Cache TTL of key '" + key + "' of plugin '" + pluginId
          + "' must be positive, got " + effective);
    }
    String json;
    try {
      json = JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cache value of key '" + key + "' of plugin '" + pluginId
          + "' cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    store.set(namespaced(key), json, effective);
  }

  @Override
  public void delete(String key) {
    store.delete(namespaced(key));
  }

  @Override
  public CacheService withOptions(CacheServiceOptions options) {
    return new NamespacedCache(store, pluginId, options.defaultTtl(), logger);
  }

  private String namespaced(String key) {
    Objects.requireNonNull(key, "key");
    return pluginId + ":" + key;
  }
}
