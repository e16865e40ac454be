package dev.greenroom.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.test.base.CapturingLogger;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Against the real Redis on 127.0.0.1:6379: required under CI=true, skipped elsewhere when down. */
class RedisCacheTest {
  private static final URI REDIS = URI.create("redis://127.0.0.1:6379");

  // Unique plugin ids per run: parallel builds share the one Redis.
  private final String run = UUID.randomUUID().toString();
  private final CapturingLogger logs = new CapturingLogger();
  private final CacheManager manager = CacheManager.create(
      new CacheSettings("redis", REDIS, null), logs.logger());

  @BeforeAll
  static void redisIsUp() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
    } catch (IOException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("Redis is not reachable on 127.0.0.1:6379 and CI=true: " + e.getMessage());
      }
      Assumptions.abort("Redis is not reachable on 127.0.0.1:6379: start redis-server (apt-get install redis-server)");
    }
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void setGetDelete() {
    CacheService cache = manager.forPlugin("p-" + run);
    cache.set("k", Map.of("n", 1, "s", "x"));
    assertEquals(Optional.of(Map.of("n", 1, "s", "x")), cache.get("k"));
    cache.delete("k");
    assertEquals(Optional.empty(), cache.get("k"));
  }

  @Test
  void ttlIsSetOnTheRedisKeyUnderThePluginNamespace() {
    String plugin = "p-" + run;
    manager.forPlugin(plugin).set("k", "v", Duration.ofSeconds(30));
    manager.forPlugin(plugin).set("forever", "v");
    try (JedisPooled raw = new JedisPooled(REDIS)) {
      long pttl = raw.pttl(plugin + ":k");
      assertTrue(pttl > 0 && pttl <= 30_000, "PTTL " + pttl);
      assertEquals(-1, raw.pttl(plugin + ":forever"), "no TTL without one");
      assertEquals("\"v\"", raw.get(plugin + ":k"), "stored as JSON text");
      raw.del(plugin + ":k", plugin + ":forever");
    }
  }

  @Test
  void expiredValueIsGone() {
    String plugin = "p-" + run;
    CacheService cache = manager.forPlugin(plugin);
    cache.set("k", "v", Duration.ofSeconds(30));
    try (JedisPooled raw = new JedisPooled(REDIS)) {
      // Expire it now on the server instead of waiting: the client must answer a miss.
      raw.pexpire(plugin + ":k", 1);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (raw.exists(plugin + ":k") && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
    assertEquals(Optional.empty(), cache.get("k"));
  }

  @Test
  void namespacesAreIsolatedBetweenPlugins() {
    CacheService a = manager.forPlugin("a-" + run);
    CacheService b = manager.forPlugin("b-" + run);
    a.set("k", "from a");
    assertEquals(Optional.empty(), b.get("k"));
    b.set("k", "from b");
    assertEquals(Optional.of("from a"), a.get("k"));
    a.delete("k");
    assertEquals(Optional.of("from b"), b.get("k"));
    b.delete("k");
  }

  @Test
  void unreachableRedisIsAMissNotAFailure() {
    CacheManager down = CacheManager.create(
        new CacheSettings("redis", URI.create("redis://127.0.0.1:1"), null), logs.logger());
    try {
      CacheService cache = down.forPlugin("p");
      cache.set("k", "v");
      assertEquals(Optional.empty(), cache.get("k"));
      cache.delete("k");
      // one line for the outage, not one per operation (StoreOutage)
      assertEquals(1, logs.messages().stream().filter(m -> m.startsWith("Cache ")).count(), logs.messages()::toString);
      assertTrue(logs.messages().get(0).startsWith("Cache store redis at 127.0.0.1:1 is unavailable (set: "), logs.messages().get(0));
    } finally {
      down.close();
    }
  }
}
