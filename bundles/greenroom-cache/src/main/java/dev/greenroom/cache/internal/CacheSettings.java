package dev.greenroom.cache.internal;

import dev.greenroom.backend.api.services.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backend.cache}: {@code store} ({@code memory} by default, {@code redis}, {@code valkey}),
 * {@code connection} (a {@code redis://} URL) and {@code defaultTtl} (milliseconds, an ISO-8601
 * duration or Backstage's {@code {days, hours, minutes, seconds, milliseconds}}).
 */
public record CacheSettings(String store, URI connection, Duration defaultTtl) {
  public static final String KEY = "backend.cache";

  public static CacheSettings fromConfig(Config root) {
    Optional<Config> cache = root.getOptionalConfig(KEY);
    if (cache.isEmpty()) {
      return new CacheSettings("memory", null, null);
    }
    Config c = cache.get();
    String store = c.getOptionalString("store").orElse("memory");
    Duration defaultTtl = c.getOptional("defaultTtl").map(CacheSettings::ttl).orElse(null);
    switch (store) {
      case "memory":
        return new CacheSettings(store, null, defaultTtl);
      case "redis":
      case "valkey":
        return new CacheSettings(store, connection(c), defaultTtl);
      case "memcache":
      case "infinispan":
        throw new IllegalArgumentException("Cache store '" + store + "' (" + KEY
            + ".store) is not supported by Greenroom; use memory, redis or valkey");
      default:
        throw new IllegalArgumentException("Unknown cache store: " + store);
    }
  }

  private static URI connection(Config c) {
    String key = KEY + ".connection";
    String value = c.getOptionalString("connection").orElseThrow(() -> new IllegalArgumentException(
        "Missing " + key + ": the " + c.getString("store") + " cache store needs a redis:// URL"));
    try {
      URI uri = new URI(value);
      if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new URISyntaxException(value, "expected redis://host:port or rediss://host:port");
      }
      return uri;
    } catch (URISyntaxException e) {
      // The URL may hold a password: name the key, not the value.
      throw new IllegalArgumentException("Invalid " + key + ": " + e.getReason());
    }
  }

  static Duration ttl(Object value) {
    String key = KEY + ".defaultTtl";
    if (value instanceof Number n) {
      return positive(Duration.ofMillis(n.longValue()), key, value);
    }
    if (value instanceof String s) {
      try {
        return positive(s.chars().allMatch(Character::isDigit) && !s.isEmpty()
            ? Duration.ofMillis(Long.parseLong(s))
            : Duration.parse(s), key, value);
      } catch (DateTimeParseException | NumberFormatException e) {
        // fall through to the error below
      }
    }
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      Duration d = Duration.ZERO;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getValue() instanceof Number n)) {
          throw invalidTtl(key, value);
        }
        long amount = n.longValue();
        d = d.plus(switch (String.valueOf(e.getKey())) {
          case "weeks" -> Duration.ofDays(7 * amount);
          case "days" -> Duration.ofDays(amount);
          case "hours" -> Duration.ofHours(amount);
          case "minutes" -> Duration.ofMinutes(amount);
          case "seconds" -> Duration.ofSeconds(amount);
          case "milliseconds" -> Duration.ofMillis(amount);
          default -> throw invalidTtl(key, value);
        });
      }
      return positive(d, key, value);
    }
    throw invalidTtl(key, value);
  }

  private static Duration positive(Duration d, String key, Object value) {
    if (d.isNegative() || d.isZero()) {
      throw invalidTtl(key, value);
    }
    return d;
  }

  private static IllegalArgumentException invalidTtl(String key, Object value) {
    return new IllegalArgumentException("Invalid " + key + " '" + value
        + "': expected positive milliseconds, an ISO-8601 duration such as PT5M, or {days, hours, minutes, seconds, milliseconds}");
  }
}
