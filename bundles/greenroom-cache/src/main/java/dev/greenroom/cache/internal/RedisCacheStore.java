package dev.greenroom.cache.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The {@code redis} store (also used for {@code valkey}): Jedis' pooled client. A failing Redis is
 * not fatal: each failure is logged and the operation answers as a cache miss.
 */
public final class RedisCacheStore implements CacheStore {
  static final int TIMEOUT_MILLIS = 2000;

  private final JedisPooled jedis;
  private final LoggerService logger;

  public RedisCacheStore(URI connection, LoggerService logger) {
    // Connects lazily: an unreachable server at startup fails no plugin.
    this.jedis = new JedisPooled(connection, TIMEOUT_MILLIS);
    this.logger = logger;
  }

  @Override
  public Optional<String> get(String key) {
    try {
      return Optional.ofNullable(jedis.get(key));
    } catch (JedisException e) {
      logger.warn("Cache get of key '" + key + "' failed: " + e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void set(String key, String json, Duration ttl) {
    try {
      if (ttl == null) {
        jedis.set(key, json);
      } else {
        jedis.set(key, json, SetParams.setParams().px(Math.max(1, ttl.toMillis())));
      }
    } catch (JedisException e) {
      logger.warn("Cache set of key '" + key + "' failed: " + e.getMessage());
    }
  }

  @Override
  public void delete(String key) {
    try {
      jedis.del(key);
    } catch (JedisException e) {
      logger.warn("Cache delete of key '" + key + "' failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    jedis.close();
  }
}
