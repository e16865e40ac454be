package dev.greenroom.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The factory inside a real (plain-Java) backend: per-plugin clients, root shutdown closes the store. */
class CacheServiceFactoryTest {
  private static BackendPlugin plugin(String id, AtomicReference<CacheService> out) {
    return BackendPlugin.create(id, env -> env.registerInit(
        Deps.of(CoreServices.CACHE), deps -> out.set(deps.get(CoreServices.CACHE))));
  }

  @Test
  void eachPluginGetsItsOwnNamespaceAndShutdownClosesTheStore() {
    AtomicReference<CacheService> a = new AtomicReference<>();
    AtomicReference<CacheService> b = new AtomicReference<>();
    TestBackend backend = TestBackend.builder()
        .defaultService(CacheServiceFactory.create())
        .add(plugin("a", a))
        .add(plugin("b", b))
        .start();
    try {
      a.get().set("k", "from a");
      assertEquals(Optional.empty(), b.get().get("k"));
      assertEquals(Optional.of("from a"), a.get().get("k"));
    } finally {
      backend.stop();
    }
    // The memory store is emptied by the root shutdown hook.
    assertEquals(Optional.empty(), a.get().get("k"));
  }

  @Test
  void unknownStoreFailsThePluginWithBackstagesMessage() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> TestBackend.builder()
        .defaultService(CacheServiceFactory.create())
        .config(Map.of("backend", Map.of("cache", Map.of("store", "memcached"))))
        .add(plugin("a", new AtomicReference<>()))
        .start());
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t.getMessage()).append('\n');
    }
    assertTrue(chain.toString().contains("Unknown cache store: memcached"), chain.toString());
  }
}
