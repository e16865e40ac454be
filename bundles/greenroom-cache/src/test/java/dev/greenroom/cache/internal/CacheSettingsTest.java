package dev.greenroom.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.test.base.MapConfigs;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {
  private static CacheSettings settings(Map<String, Object> cache) {
    return CacheSettings.fromConfig(MapConfigs.rootConfig(Map.of("backend", Map.of("cache", cache))));
  }

  @Test
  void memoryIsTheDefault() {
    assertEquals(new CacheSettings("memory", null, null),
        CacheSettings.fromConfig(MapConfigs.rootConfig(Map.of())));
  }

  @Test
  void unknownStoreIsBackstagesError() {
    assertEquals("Unknown cache store: memcached",
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("store", "memcached"))).getMessage());
  }

  @Test
  void redisNeedsAConnectionUrl() {
    assertEquals(new CacheSettings("redis", URI.create("redis://127.0.0.1:6379"), null),
        settings(Map.of("store", "redis", "connection", "redis://127.0.0.1:6379")));
    assertEquals("Missing backend.cache.connection: the redis cache store needs a redis:// URL",
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("store", "redis"))).getMessage());
    assertEquals("Invalid backend.cache.connection: expected redis://host:port or rediss://host:port",
        assertThrows(IllegalArgumentException.class,
            () -> settings(Map.of("store", "redis", "connection", "http://u:pw@h"))).getMessage());
  }

  @Test
  void defaultTtlAcceptsMillisIsoAndHumanDuration() {
    assertEquals(Duration.ofSeconds(5), settings(Map.of("defaultTtl", 5000)).defaultTtl());
    assertEquals(Duration.ofMinutes(5), settings(Map.of("defaultTtl", "PT5M")).defaultTtl());
    assertEquals(Duration.ofMinutes(90), settings(Map.of("defaultTtl", Map.of("hours", 1, "minutes", 30))).defaultTtl());
    assertEquals("Invalid backend.cache.defaultTtl 'soon': expected positive milliseconds, an ISO-8601 duration"
            + " such as PT5M, or {days, hours, minutes, seconds, milliseconds}",
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("defaultTtl", "soon"))).getMessage());
  }
}
