package dev.greenroom.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.CacheServiceOptions;
import dev.greenroom.backend.test.base.CapturingLogger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryCacheTest {
  private final FakeTicker ticker = new FakeTicker();
  private final CacheManager manager = new CacheManager(
      new MemoryCacheStore(ticker), new CacheSettings("memory", null, null), new CapturingLogger().logger());

  @Test
  void valuesRoundTripAsJsonTypes() {
    CacheService cache = manager.forPlugin("catalog");
    cache.set("entity", Map.of("name", "api", "tags", List.of("a", "b"), "count", 3, "ok", true));
    assertEquals(
        Optional.of(Map.of("name", "api", "tags", List.of("a", "b"), "count", 3, "ok", true)),
        cache.get("entity"));
    assertEquals(Optional.empty(), cache.get("missing"));
  }

  @Test
  void ttlPerSetExpiresTheValue() {
    CacheService cache = manager.forPlugin("catalog");
    cache.set("k", "v", Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(9));
    assertEquals(Optional.of("v"), cache.get("k"));
    ticker.advance(Duration.ofSeconds(2));
    assertEquals(Optional.empty(), cache.get("k"));
  }

  @Test
  void valuesWithoutTtlStayAndSettingAgainRenewsTheTtl() {
    CacheService cache = manager.forPlugin("catalog");
    cache.set("forever", "v");
    cache.set("renewed", 1, Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(8));
    cache.set("renewed", 2, Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(8));
    assertEquals(Optional.of(2), cache.get("renewed"));
    ticker.advance(Duration.ofDays(365));
    assertEquals(Optional.of("v"), cache.get("forever"));
  }

  @Test
  void defaultTtlFromConfigAndWithOptions() {
    CacheManager withDefault = new CacheManager(new MemoryCacheStore(ticker),
        new CacheSettings("memory", null, Duration.ofSeconds(5)), new CapturingLogger().logger());
    CacheService cache = withDefault.forPlugin("p");
    CacheService longer = cache.withOptions(new CacheServiceOptions(Duration.ofMinutes(1)));
    cache.set("short", "s");
    longer.set("long", "l");
    ticker.advance(Duration.ofSeconds(6));
    assertEquals(Optional.empty(), cache.get("short"));
    // withOptions shares the namespace: the original client sees the value set through it.
    assertEquals(Optional.of("l"), cache.get("long"));
  }

  @Test
  void deleteRemoves() {
    CacheService cache = manager.forPlugin("p");
    cache.set("k", "v");
    cache.delete("k");
    assertEquals(Optional.empty(), cache.get("k"));
  }

  @Test
  void namespacesAreIsolatedBetweenPlugins() {
    CacheService a = manager.forPlugin("a");
    CacheService b = manager.forPlugin("b");
    a.set("k", "from a");
    assertEquals(Optional.empty(), b.get("k"));
    b.set("k", "from b");
    b.delete("other");
    assertEquals(Optional.of("from a"), a.get("k"));
    assertEquals(Optional.of("from b"), b.get("k"));
  }

  @Test
  void storedValuesAreCopies() {
    CacheService cache = manager.forPlugin("p");
    List<String> list = new java.util.ArrayList<>(List.of("x"));
    cache.set("k", list);
    list.add("y");
    assertEquals(Optional.of(List.of("x")), cache.get("k"));
  }

  @Test
  void badValuesAndTtlsNameKeyAndPlugin() {
    CacheService cache = manager.forPlugin("p");
    assertEquals("Cache value of key 'k' of plugin 'p' may not be null",
        assertThrows(NullPointerException.class, () -> cache.set("k", null)).getMessage());
    assertEquals("Cache TTL of key 'k' of plugin 'p' must be positive, got PT0S",
        assertThrows(IllegalArgumentException.class, () -> cache.set("k", 1, Duration.ZERO)).getMessage());
  }
}
