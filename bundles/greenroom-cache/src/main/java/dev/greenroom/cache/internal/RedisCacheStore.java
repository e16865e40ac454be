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
 * not fatal: operations answer as cache misses, the outage is logged once when it begins and once
 * when it ends, and while it lasts only one operation per second waits on the server
 * ({@link StoreOutage}).
 */
public final class RedisCacheStore implements CacheStore {
  static final int TIMEOUT_MILLIS = 2000;

  static final long RETRY_MILLIS = 1000;

  private final JedisPooled jedis;
  private final StoreOutage outage;

  public RedisCacheStore(URI connection, LoggerService logger) {
    // Connects lazily: an unreachable server at startup fails no plugin.
    this.jedis = new JedisPooled(connection, TIMEOUT_MILLIS);
    this.outage = new StoreOutage("redis at " + connection.getHost() + ":" + connection.getPort(), logger,
        System::currentTimeMillis, RETRY_MILLIS);
  }

  @Override
  public Optional<String> get(String key) {
    if (!outage.tryNow()) {
      return Optional.empty();
    }
    try {
      Optional<String> value = Optional.ofNullable(jedis.get(key));
      outage.succeeded();
      return value;
    } catch (JedisException e) {
      outage.failed("get", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void set(String key, String json, Duration ttl) {
    if (!outage.tryNow()) {
      return;
    }
    try {
      if (ttl == null) {
        jedis.set(key, json);
      } else {
        jedis.set(key, json, SetParams.setParams().px(Math.max(1, ttl.toMillis())));
      }
      outage.succeeded();
    } catch (JedisException e) {
      outage.failed("set", e.getMessage());
    }
  }

  @Override
  public void delete(String key) {
    if (!outage.tryNow()) {
      return;
    }
    try {
      jedis.del(key);
      outage.succeeded();
    } catch (JedisException e) {
      outage.failed("delete", e.getMessage());
    }
  }

  @Override
  public void close() {
    jedis.close();
  }
}
