package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A core-service factory replaced while the backend runs (a service bundle updated in OSGi). */
class ServiceRegistryLiveTest {
  static final ServiceRef<String> ROOT_DB = ServiceRef.root("core.rootDatabase", String.class);
  static final ServiceRef<String> DB = ServiceRef.create("core.database", String.class);
  static final ServiceRef<String> OTHER = ServiceRef.create("other", String.class);

  static ServiceFactory<String> rootDb(String name) {
    return ServiceFactory.of(ROOT_DB).factory(d -> name);
  }

  static final ServiceFactory<String> DB_FACTORY =
      ServiceFactory.of(DB).deps(ROOT_DB).factory(d -> "db on " + d.get(ROOT_DB));

  @Test
  void replacingAFactoryDropsItsRootInstanceAndNamesThePluginsThatUsedItOrADependent() {
    ServiceFactory<String> v1 = rootDb("pool v1");
    ServiceRegistry registry = ServiceRegistry.create(List.of(DB_FACTORY, ServiceFactory.ofInstance(OTHER, "x")));
    registry.add(v1);
    assertEquals("db on pool v1", registry.get(DB, "todo"));
    assertEquals("x", registry.get(OTHER, "catalog"));

    ServiceRegistry.LiveChange change = registry.replaceLive(ROOT_DB.id(), v1, rootDb("pool v2"), ServiceRegistry.SOURCE_ADDED);

    assertEquals(Set.of("core.rootDatabase", "core.database"), change.serviceIds());
    assertEquals(Set.of("todo"), change.pluginIds(), "catalog only used an unrelated service");
    assertTrue(change.rootInstancesDropped());
    assertEquals("pool v2", registry.get(ROOT_DB, "root"));
    assertEquals("db on pool v1", registry.get(DB, "todo"), "plugin instances stay until the plugin stops");
    registry.disposePlugin("todo");
    assertEquals("db on pool v2", registry.get(DB, "todo"), "a restarted plugin gets the new factory's");
  }

  @Test
  void whenTheFactoryLeavesTheDefaultTakesOverOrTheServiceIsMissing() {
    ServiceFactory<String> builtIn = rootDb("built-in pool");
    ServiceFactory<String> live = rootDb("bundle pool");
    ServiceRegistry registry = ServiceRegistry.create(List.of(builtIn));
    registry.add(live);
    assertEquals("bundle pool", registry.get(ROOT_DB, "root"));

    registry.replaceLive(ROOT_DB.id(), live, null, ServiceRegistry.SOURCE_ADDED);
    assertEquals("built-in pool", registry.get(ROOT_DB, "root"));
    assertFalse(registry.hasBeenAdded(ROOT_DB), "a later bundle may add it again");

    ServiceRegistry without = ServiceRegistry.create(List.of(DB_FACTORY));
    ServiceFactory<String> only = rootDb("only pool");
    without.add(only);
    assertEquals("db on only pool", without.get(DB, "todo"));
    without.replaceLive(ROOT_DB.id(), only, null, ServiceRegistry.SOURCE_ADDED);
    without.disposePlugin("todo");
    RuntimeException missing = assertThrows(RuntimeException.class, () -> without.get(DB, "todo"));
    assertTrue(missing.getMessage().contains("core.rootDatabase"), missing.getMessage());
  }

  static final ServiceRef<String> ROUTER = ServiceRef.create("core.httpRouter", String.class);

  @Test
  void aRootContextSurvivesAChangeOfAPluginScopedServiceBelowItButNotOfItsRootDeps() {
    // core.httpRouter -> core.database (plugin-scoped) -> core.rootDatabase; its root context (the
    // mounted routes, in greenroom-http) is made from root deps only
    java.util.concurrent.atomic.AtomicInteger contexts = new java.util.concurrent.atomic.AtomicInteger();
    ServiceFactory<String> router = ServiceFactory.of(ROUTER)
        .deps(OTHER_ROOT, DB)
        .createRootContext(root -> "context " + contexts.incrementAndGet())
        .factoryWithContext((d, context) -> context + " with " + d.get(DB));
    ServiceFactory<String> v1 = rootDb("pool v1");
    ServiceRegistry registry = ServiceRegistry.create(
        List.of(DB_FACTORY, router, ServiceFactory.ofInstance(OTHER_ROOT, "r")));
    registry.add(v1);
    assertEquals("context 1 with db on pool v1", registry.get(ROUTER, "todo"));

    ServiceRegistry.LiveChange change = registry.replaceLive(ROOT_DB.id(), v1, rootDb("pool v2"), ServiceRegistry.SOURCE_ADDED);
    assertTrue(change.serviceIds().contains("core.httpRouter"));
    assertEquals(Set.of("todo"), change.pluginIds());
    registry.disposePlugin("todo");
    assertEquals("context 1 with db on pool v2", registry.get(ROUTER, "todo"), "the root context stays");

    // a change of one of its root deps makes a new one
    registry.replaceLive(OTHER_ROOT.id(), null, ServiceFactory.ofInstance(OTHER_ROOT, "r2"), ServiceRegistry.SOURCE_ADDED);
    registry.disposePlugin("todo");
    assertEquals("context 2 with db on pool v2", registry.get(ROUTER, "todo"));
  }

  static final ServiceRef<String> OTHER_ROOT = ServiceRef.root("other.root", String.class);

  @Test
  void aSecondSingletonFactoryIsRefusedWithBackstagesMessage() {
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    registry.add(rootDb("first"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.add(rootDb("second")));
    assertEquals("Duplicate service implementations provided for core.rootDatabase", e.getMessage());
    assertEquals("first", registry.get(ROOT_DB, "root"));
  }
}
