package dev.greenroom.http.internal.limits;

import java.net.URI;
import java.util.List;
import redis.clients.jedis.JedisPooled;

/**
 * {@code backend.rateLimit.store: {type: redis, connection}}: rate-limit-redis' store (the counter
 * script of its {@code RedisStore}, keys {@code rl:<client>} for the global limiter and {@code
 * <pluginId><client>} for a plugin's, as Backstage's RateLimitStoreFactory passes the plugin id as
 * the prefix), so instances sharing the Redis share their counts. On Jedis' pooled client, as the
 * cache bundle uses it (greenroom-cache); Jedis is an optional import of this bundle.
 */
final class RedisRateLimitStore implements RateLimitStore {
  static final String INCREMENT = """
      local totalHits = redis.call("INCR", KEYS[1])
      local timeToExpire = redis.call("PTTL", KEYS[1])
      if timeToExpire <= 0 or ARGV[1] == "1"
      then
        redis.call("PEXPIRE", KEYS[1], tonumber(ARGV[2]))
        timeToExpire = tonumber(ARGV[2])
      end
      return { totalHits, timeToExpire }
      """;
  private static final int TIMEOUT_MILLIS = 2_000;

  private final JedisPooled jedis;
  private final String prefix;
  private final long windowMillis;

  private RedisRateLimitStore(JedisPooled jedis, String prefix, long windowMillis) {
    this.jedis = jedis;
    this.prefix = prefix;
    this.windowMillis = windowMillis;
  }

  static RateLimitStore connect(String connection, String prefix, long windowMillis, String configKey) {
    URI uri;
    try {
      uri = URI.create(connection);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid config value at '" + configKey + "': '" + connection + "' is not a redis:// URL");
    }
    return new RedisRateLimitStore(new JedisPooled(uri, TIMEOUT_MILLIS), prefix.isEmpty() ? "rl:" : prefix, windowMillis);
  }

  @Override
  public Hits increment(String key) {
    Object result = jedis.eval(INCREMENT, List.of(prefix + key), List.of("0", Long.toString(windowMillis)));
    List<?> values = (List<?>) result;
    long total = ((Number) values.get(0)).longValue();
    long ttl = ((Number) values.get(1)).longValue();
    return new Hits(total, System.currentTimeMillis() + ttl);
  }

  @Override
  public void decrement(String key) {
    jedis.decr(prefix + key);
  }
}
