package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.STARTUP_FAILED;
import static dev.greenroom.backend.test.base.rules.Rules.messageOf;
import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.pluginResult;
import static dev.greenroom.backend.test.base.rules.Rules.startupError;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.PluginMetadataService;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.Backends;
import dev.greenroom.backend.runtime.internal.ConflictError;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.runtime.internal.wiring.BackendInitializer;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Service refs, factories, scope and instances, end to end through a backend (upstream: backend-app-api/src/wiring/ServiceRegistry.ts). */
@Timeout(60)
class ServiceScopesTest {
  static final ServiceRef<Object> ROOT = ServiceRef.root("test.root", Object.class);
  static final ServiceRef<Object> PLUGIN = ServiceRef.create("test.plugin", Object.class);

  /** A plugin-scoped instance that remembers which plugin it was made for. */
  record Scoped(String pluginId, Object rootContext, Object dep) {}

  static List<ServiceFactory<?>> minimalDefaults() {
    CapturingLogger logs = new CapturingLogger();
    return DefaultServiceFactories.create(MapConfig::empty, logs::logger);
  }

  // ---- refs -----------------------------------------------------------------------------------

  @Test
  void serviceRefShapeAndToString() {
    ServiceRef<String> plugin = ServiceRef.create("catalog.things", String.class);
    assertEquals(ServiceScope.PLUGIN, plugin.scope());
    assertFalse(plugin.multiton());
    assertEquals("serviceRef{catalog.things}", plugin.toString());
    ServiceRef<String> root = ServiceRef.root("catalog.rootThings", String.class);
    assertEquals(ServiceScope.ROOT, root.scope());
    assertEquals("serviceRef{catalog.rootThings}", root.toString());
    assertEquals("root", ServiceScope.ROOT.toString());
    assertEquals("plugin", ServiceScope.PLUGIN.toString());
    assertEquals("core.logger", CoreServices.LOGGER.id());
    assertEquals("core.rootConfig", CoreServices.ROOT_CONFIG.id());
  }

  // ---- root scope -----------------------------------------------------------------------------

  @Test
  void rootScopeIsOneInstancePerBackend() {
    AtomicInteger made = new AtomicInteger();
    ServiceFactory<Object> factory =
        ServiceFactory.of(ROOT).factory(d -> "root#" + made.incrementAndGet());
    Map<String, Object> seen = new ConcurrentHashMap<>();
    try (TestBackend backend =
        TestBackend.start(
            factory,
            plugin("a", Deps.of(ROOT), d -> seen.put("a", d.get(ROOT))),
            plugin("b", Deps.of(ROOT), d -> seen.put("b", d.get(ROOT))),
            module("a", "m", Deps.of(ROOT), d -> seen.put("a/m", d.get(ROOT))))) {
      assertEquals(1, made.get());
      assertEquals("root#1", seen.get("a"));
      assertSame(seen.get("a"), seen.get("b"));
      assertSame(seen.get("a"), seen.get("a/m"));
      assertSame(seen.get("a"), backend.service(ROOT, "root"));
    }
    // the same factory object in another backend makes another instance
    try (TestBackend other = TestBackend.start(factory)) {
      assertEquals("root#2", other.service(ROOT, "root"));
    }
  }

  // ---- plugin scope ---------------------------------------------------------------------------

  @Test
  void pluginScopeIsOneInstancePerPluginWithOneSharedRootContext() {
    AtomicInteger contexts = new AtomicInteger();
    AtomicInteger instances = new AtomicInteger();
    ServiceFactory<Object> factory =
        ServiceFactory.of(PLUGIN)
            .deps(CoreServices.PLUGIN_METADATA, ROOT)
            .createRootContext(root -> "ctx#" + contexts.incrementAndGet() + ":" + root.get(ROOT))
            .factoryWithContext((d, ctx) -> {
              instances.incrementAndGet();
              return new Scoped(d.get(CoreServices.PLUGIN_METADATA).getId(), ctx, d.get(ROOT));
            });
    Map<String, Object> seen = new ConcurrentHashMap<>();
    try (TestBackend backend =
        TestBackend.start(
            factory,
            ServiceFactory.ofInstance(ROOT, "R"),
            plugin("a", Deps.of(PLUGIN), d -> seen.put("a", d.get(PLUGIN))),
            module("a", "m", Deps.of(PLUGIN), d -> seen.put("a/m", d.get(PLUGIN))),
            plugin("b", Deps.of(PLUGIN), d -> seen.put("b", d.get(PLUGIN))))) {
      assertEquals(1, contexts.get(), "createRootContext runs once per factory");
      assertEquals(2, instances.get(), "factory runs once per plugin");
      assertEquals(new Scoped("a", "ctx#1:R", "R"), seen.get("a"));
      assertEquals(new Scoped("b", "ctx#1:R", "R"), seen.get("b"));
      assertSame(seen.get("a"), seen.get("a/m"), "a plugin and its module share the instance");
      assertNotSame(seen.get("a"), seen.get("b"));
      assertSame(seen.get("a"), backend.service(PLUGIN, "a"));
    }
  }

  @Test
  void pluginDepsResolveForTheSamePlugin() {
    ServiceRef<Object> inner = ServiceRef.create("test.inner", Object.class);
    ServiceFactory<Object> innerFactory =
        ServiceFactory.of(inner)
            .deps(CoreServices.PLUGIN_METADATA)
            .factory(d -> "inner-for-" + d.get(CoreServices.PLUGIN_METADATA).getId());
    ServiceFactory<Object> outer =
        ServiceFactory.of(PLUGIN)
            .deps(CoreServices.PLUGIN_METADATA, inner, ROOT)
            .factory(d -> new Scoped(d.get(CoreServices.PLUGIN_METADATA).getId(), d.get(ROOT), d.get(inner)));
    Map<String, Object> seen = new ConcurrentHashMap<>();
    try (TestBackend backend =
        TestBackend.start(
            innerFactory,
            outer,
            ServiceFactory.ofInstance(ROOT, "R"),
            plugin("x", Deps.of(PLUGIN), d -> seen.put("x", d.get(PLUGIN))),
            plugin("y", Deps.of(PLUGIN), d -> seen.put("y", d.get(PLUGIN))))) {
      assertEquals(new Scoped("x", "R", "inner-for-x"), seen.get("x"));
      assertEquals(new Scoped("y", "R", "inner-for-y"), seen.get("y"));
    }
  }

  // ---- root must not depend on plugin scope ---------------------------------------------------

  @Test
  void aRootServiceDependingOnAPluginServiceFailsWhenFirstRequested() {
    ServiceFactory<Object> root =
        ServiceFactory.of(ROOT).deps(PLUGIN).initialization(Initialization.LAZY).factory(d -> "r");
    // nobody asks: the backend starts
    try (TestBackend backend =
        TestBackend.start(root, ServiceFactory.ofInstance(PLUGIN, "p"), plugin("unrelated", d -> {}))) {
      assertEquals("success", backend.startupResult().outcome().toString());
    }
    // a plugin asks: that plugin fails with the scope error
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(root)
                .add(ServiceFactory.ofInstance(PLUGIN, "p"))
                .add(plugin("asker", Deps.of(ROOT), d -> {})));
    String expected =
        "Failed to instantiate 'root' scoped service 'test.root' because it depends on 'plugin' scoped service 'test.plugin'.";
    assertEquals(expected, pluginResult(e.result(), "asker").failure().error().getMessage());
    assertEquals(STARTUP_FAILED + "\n  Plugin 'asker' startup failed; caused by Error: " + expected, e.getMessage());
  }

  @Test
  void anEagerRootServiceDependingOnAPluginServiceFailsStart() {
    ServiceFactory<Object> root = ServiceFactory.of(ROOT).deps(PLUGIN).factory(d -> "r");
    RuntimeException e =
        wiringFailure(TestBackend.builder().add(root).add(ServiceFactory.ofInstance(PLUGIN, "p")));
    assertEquals(
        "Failed to instantiate 'root' scoped service 'test.root' because it depends on 'plugin' scoped service 'test.plugin'.",
        e.getMessage());
  }

  // ---- plugin metadata ------------------------------------------------------------------------

  @Test
  void pluginMetadataIsBuiltInAndAnswersTheRequestingPlugin() {
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (TestBackend backend =
        TestBackend.start(
            plugin("alpha", Deps.of(CoreServices.PLUGIN_METADATA), d -> seen.put("alpha", d.get(CoreServices.PLUGIN_METADATA).getId())),
            plugin("beta", Deps.of(CoreServices.PLUGIN_METADATA), d -> seen.put("beta", d.get(CoreServices.PLUGIN_METADATA).getId())),
            module("beta", "mod", Deps.of(CoreServices.PLUGIN_METADATA), d -> seen.put("beta/mod", d.get(CoreServices.PLUGIN_METADATA).getId())))) {
      assertEquals(Map.of("alpha", "alpha", "beta", "beta", "beta/mod", "beta"), seen);
    }
  }

  @Test
  void pluginMetadataCannotBeOverriddenInDefaults() {
    List<ServiceFactory<?>> defaults = new ArrayList<>(minimalDefaults());
    defaults.add(ServiceFactory.ofInstance(CoreServices.PLUGIN_METADATA, (PluginMetadataService) () -> "fake"));
    assertEquals(
        "The core.pluginMetadata service cannot be overridden",
        messageOf(() -> Backends.createSpecializedBackend(defaults)));
  }

  @Test
  void pluginMetadataCannotBeOverriddenByAdd() {
    RuntimeException e =
        wiringFailure(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.PLUGIN_METADATA, (PluginMetadataService) () -> "fake"))
                .add(plugin("p", d -> {})));
    assertEquals("The core.pluginMetadata service cannot be overridden", e.getMessage());
  }

  @Test
  void rootServicesCannotDependOnPluginMetadata() {
    ServiceFactory<Object> root = ServiceFactory.of(ROOT).deps(CoreServices.PLUGIN_METADATA).factory(d -> "r");
    assertEquals(
        "Failed to instantiate 'root' scoped service 'test.root' because it depends on 'plugin' scoped service 'core.pluginMetadata'.",
        wiringFailure(TestBackend.builder().add(root)).getMessage());
  }

  // ---- multiton -------------------------------------------------------------------------------

  @Test
  void aMultitonDependencyIsAListInRegistrationOrder() {
    ServiceRef<String> multi = ServiceRef.builder("test.multi", String.class).multiton(true).build();
    ServiceRef<String> none = ServiceRef.builder("test.none", String.class).multiton(true).build();
    AtomicReference<List<String>> seen = new AtomicReference<>();
    AtomicReference<List<String>> empty = new AtomicReference<>();
    try (TestBackend backend =
        TestBackend.builder()
            .defaultService(ServiceFactory.ofInstance(multi, "default-1"))
            .defaultService(ServiceFactory.ofInstance(multi, "default-2"))
            .add(BackendFeatureLoader.create(d -> List.of(ServiceFactory.ofInstance(multi, "loader"))))
            .add(ServiceFactory.ofInstance(multi, "added-1"))
            .add(plugin("p", Deps.of(multi, none), d -> {
              seen.set(d.getAll(multi));
              empty.set(d.getAll(none));
            }))
            .add(ServiceFactory.ofInstance(multi, "added-2"))
            .start()) {
      assertEquals(List.of("default-1", "default-2", "added-1", "added-2", "loader"), seen.get());
      assertEquals(List.of(), empty.get(), "no factories: an empty list, not a missing dependency");
    }
  }

  // ---- initialization strategy ----------------------------------------------------------------

  @Test
  void rootServicesAreEagerByDefaultAndLazyOnRequest() {
    ServiceRef<String> lazy = ServiceRef.root("test.lazy", String.class);
    ServiceRef<String> lazyUsed = ServiceRef.root("test.lazyUsed", String.class);
    Rules.Events events = new Rules.Events();
    try (TestBackend backend =
        TestBackend.start(
            ServiceFactory.of(ROOT).factory(d -> {
              events.add("eager");
              return "e";
            }),
            ServiceFactory.of(lazy).initialization(Initialization.LAZY).factory(d -> {
              events.add("lazy");
              return "l";
            }),
            ServiceFactory.of(lazyUsed).initialization(Initialization.LAZY).factory(d -> {
              events.add("lazyUsed");
              return "u";
            }),
            plugin("p", Deps.of(lazyUsed), d -> events.add("init")))) {
      assertEquals(List.of("eager", "lazyUsed", "init"), events.list());
    }
  }

  @Test
  void pluginServicesAreLazyByDefaultAndAlwaysMeansEveryPluginBeforeItsModules() {
    ServiceRef<String> lazy = ServiceRef.create("test.lazy", String.class);
    ServiceRef<String> always = ServiceRef.create("test.always", String.class);
    Rules.Events events = new Rules.Events();
    try (TestBackend backend =
        TestBackend.start(
            ServiceFactory.of(lazy).deps(CoreServices.PLUGIN_METADATA).factory(d -> {
              events.add("lazy:" + d.get(CoreServices.PLUGIN_METADATA).getId());
              return "l";
            }),
            ServiceFactory.of(always)
                .deps(CoreServices.PLUGIN_METADATA)
                .initialization(Initialization.ALWAYS)
                .factory(d -> {
                  events.add("always:" + d.get(CoreServices.PLUGIN_METADATA).getId());
                  return "a";
                }),
            plugin("a", d -> events.add("init:a")),
            module("a", "m", d -> events.add("module:a")),
            plugin("b", Deps.of(lazy), d -> events.add("init:b")))) {
      assertTrue(events.contains("always:a"));
      assertTrue(events.contains("always:b"));
      events.assertBefore("always:a", "module:a");
      events.assertBefore("always:b", "init:b");
      assertTrue(events.contains("lazy:b"));
      assertFalse(events.contains("lazy:a"), "lazy plugin services are made only on demand");
    }
  }

  @Test
  void aRefsDefaultFactoryIsNeverEager() {
    AtomicInteger made = new AtomicInteger();
    ServiceRef<String> withDefault =
        ServiceRef.builder("test.withDefault", String.class)
            .scope(ServiceScope.ROOT)
            .defaultFactory(ref -> ServiceFactory.of(ref).factory(d -> "d" + made.incrementAndGet()))
            .build();
    try (TestBackend backend = TestBackend.start(plugin("p", d -> {}))) {
      assertEquals(0, made.get());
      assertEquals("d1", backend.service(withDefault, "root"));
    }
  }

  // ---- defaultFactory fallback ----------------------------------------------------------------

  @Test
  void aRefsDefaultFactoryIsUsedOnlyWithoutARegisteredFactory() {
    AtomicInteger loaderCalls = new AtomicInteger();
    ServiceRef<String> ref =
        ServiceRef.builder("test.fallback", String.class)
            .defaultFactory(r -> {
              loaderCalls.incrementAndGet();
              return ServiceFactory.of(r).factory(d -> "fallback");
            })
            .build();
    AtomicReference<String> seen = new AtomicReference<>();
    try (TestBackend backend =
        TestBackend.start(ServiceFactory.ofInstance(ref, "registered"), plugin("p", Deps.of(ref), d -> seen.set(d.get(ref))))) {
      assertEquals("registered", seen.get());
      assertEquals(0, loaderCalls.get());
    }
    try (TestBackend backend = TestBackend.start(plugin("p", Deps.of(ref), d -> seen.set(d.get(ref))))) {
      assertEquals("fallback", seen.get());
      assertEquals(1, loaderCalls.get());
    }
  }

  @Test
  void theDefaultFactoryLoaderRunsAtMostOnceUnderConcurrentRequests() {
    AtomicInteger loaderCalls = new AtomicInteger();
    ServiceRef<String> ref =
        ServiceRef.builder("test.fallback", String.class)
            .defaultFactory(r -> {
              loaderCalls.incrementAndGet();
              Rules.sleep(200);
              return ServiceFactory.of(r).deps(CoreServices.PLUGIN_METADATA)
                  .factory(d -> "for-" + d.get(CoreServices.PLUGIN_METADATA).getId());
            })
            .build();
    Map<String, String> seen = new ConcurrentHashMap<>();
    // the gate modules hold every plugin until all four are running, so the inits ask together
    CountDownLatch modulesReady = new CountDownLatch(4);
    TestBackend.Builder concurrent = TestBackend.builder();
    for (String id : List.of("a", "b", "c", "d")) {
      concurrent.add(plugin(id, Deps.of(ref), d -> seen.put(id, d.get(ref))));
      concurrent.add(module(id, "gate", d -> {
        modulesReady.countDown();
        modulesReady.await(30, TimeUnit.SECONDS);
      }));
    }
    try (TestBackend backend = concurrent.start()) {
      assertEquals(1, loaderCalls.get());
      assertEquals(Map.of("a", "for-a", "b", "for-b", "c", "for-c", "d", "for-d"), seen);
    }
  }

  @Test
  void aFailingDefaultFactoryLoaderIsWrapped() {
    ServiceRef<String> ref =
        ServiceRef.builder("test.fallback", String.class)
            .defaultFactory(r -> {
              throw new IllegalStateException("no loader today");
            })
            .build();
    BackendStartupError e = startupError(TestBackend.builder().add(plugin("p", Deps.of(ref), d -> {})));
    assertEquals(
        "Failed to instantiate service 'test.fallback' because the default factory loader threw an error, Error: no loader today",
        e.result().plugins().get(0).failure().error().getMessage());
  }

  // ---- missing deps and factory errors --------------------------------------------------------

  @Test
  void missingDependenciesOfAFactoryAreListed() {
    ServiceRef<String> a = ServiceRef.create("test.a", String.class);
    ServiceRef<String> b = ServiceRef.root("test.b", String.class);
    ServiceFactory<Object> factory = ServiceFactory.of(PLUGIN).deps(a, b).factory(d -> "x");
    BackendStartupError e =
        startupError(TestBackend.builder().add(factory).add(plugin("p", Deps.of(PLUGIN), d -> {})));
    String expected =
        "Failed to instantiate service 'test.plugin' for 'p' because the following dependent services are missing: 'test.a', 'test.b'";
    assertEquals(expected, e.result().plugins().get(0).failure().error().getMessage());
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: " + expected, e.getMessage());
  }

  @Test
  void metadataMultitonsAndRefsWithDefaultFactoriesCountAsPresent() {
    ServiceRef<String> multi = ServiceRef.builder("test.multi", String.class).multiton(true).build();
    ServiceRef<String> withDefault =
        ServiceRef.builder("test.withDefault", String.class)
            .defaultFactory(r -> ServiceFactory.of(r).factory(d -> "dflt"))
            .build();
    ServiceFactory<Object> factory =
        ServiceFactory.of(PLUGIN)
            .deps(CoreServices.PLUGIN_METADATA, multi, withDefault)
            .factory(d -> d.get(CoreServices.PLUGIN_METADATA).getId() + d.getAll(multi) + d.get(withDefault));
    AtomicReference<Object> seen = new AtomicReference<>();
    try (TestBackend backend = TestBackend.start(factory, plugin("p", Deps.of(PLUGIN), d -> seen.set(d.get(PLUGIN))))) {
      assertEquals("p[]dflt", seen.get());
    }
  }

  @Test
  void aFailingPluginFactoryIsWrapped() {
    ServiceFactory<Object> factory =
        ServiceFactory.of(PLUGIN).factory(d -> {
          throw new IllegalStateException("factory boom");
        });
    BackendStartupError e = startupError(TestBackend.builder().add(factory).add(plugin("p", Deps.of(PLUGIN), d -> {})));
    assertEquals(
        "Failed to instantiate service 'test.plugin' for 'p' because the factory function threw an error, Error: factory boom",
        e.result().plugins().get(0).failure().error().getMessage());
  }

  @Test
  void aFailingCreateRootContextIsWrappedAndNestsInTheFactoryError() {
    ServiceFactory<Object> factory =
        ServiceFactory.of(PLUGIN)
            .createRootContext(root -> {
              throw new Exception("context boom");
            })
            .factoryWithContext((d, ctx) -> "never");
    BackendStartupError e = startupError(TestBackend.builder().add(factory).add(plugin("p", Deps.of(PLUGIN), d -> {})));
    assertEquals(
        "Failed to instantiate service 'test.plugin' for 'p' because the factory function threw an error, "
            + "Error: Failed to instantiate service 'test.plugin' because createRootContext threw an error, Error: context boom",
        e.result().plugins().get(0).failure().error().getMessage());
  }

  @Test
  void aNestedFailureAppearsInsideTheOuterMessage() {
    ServiceRef<Object> inner = ServiceRef.create("test.inner", Object.class);
    ServiceFactory<Object> innerFactory =
        ServiceFactory.of(inner).factory(d -> {
          throw new IllegalArgumentException("inner boom");
        });
    ServiceFactory<Object> outer = ServiceFactory.of(PLUGIN).deps(inner).factory(d -> d.get(inner));
    BackendStartupError e =
        startupError(TestBackend.builder().add(innerFactory).add(outer).add(plugin("p", Deps.of(PLUGIN), d -> {})));
    assertEquals(
        "Failed to instantiate service 'test.plugin' for 'p' because the factory function threw an error, "
            + "Error: Failed to instantiate service 'test.inner' for 'p' because the factory function threw an error, Error: inner boom",
        e.result().plugins().get(0).failure().error().getMessage());
  }

  @Test
  void rootFactoryErrorsAreNotWrapped() {
    IllegalStateException boom = new IllegalStateException("root boom");
    ServiceFactory<Object> factory = ServiceFactory.of(ROOT).factory(d -> {
      throw boom;
    });
    RuntimeException e = wiringFailure(TestBackend.builder().add(factory));
    assertSame(boom, e);
    // lazily requested by a plugin: still the original error
    ServiceFactory<Object> lazy =
        ServiceFactory.of(ROOT).initialization(Initialization.LAZY).factory(d -> {
          throw boom;
        });
    BackendStartupError se = startupError(TestBackend.builder().add(lazy).add(plugin("p", Deps.of(ROOT), d -> {})));
    assertSame(boom, se.result().plugins().get(0).failure().error());
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: root boom", se.getMessage());
  }

  // ---- circular dependencies ------------------------------------------------------------------

  static ServiceFactory<String> dependsOn(String id, String... deps) {
    ServiceRef<String> ref = ServiceRef.root(id, String.class);
    ServiceRef<?>[] refs = new ServiceRef<?>[deps.length];
    for (int i = 0; i < deps.length; i++) {
      refs[i] = ServiceRef.root(deps[i], String.class);
    }
    return ServiceFactory.of(ref).deps(refs).factory(d -> id);
  }

  @Test
  void cyclesAmongDefaultsFailWhenTheBackendIsConstructed() {
    List<ServiceFactory<?>> defaults = new ArrayList<>(minimalDefaults());
    defaults.add(dependsOn("a", "b"));
    defaults.add(dependsOn("b", "a"));
    defaults.add(dependsOn("c", "d"));
    defaults.add(dependsOn("d", "c"));
    ConflictError e = assertThrows(ConflictError.class, () -> Backends.createSpecializedBackend(defaults));
    assertEquals("Circular dependencies detected:\n  'a' -> 'b' -> 'a'\n  'c' -> 'd' -> 'c'", e.getMessage());
  }

  @Test
  void theCycleCheckRunsAgainAtStart() {
    Backend backend = Backends.createSpecializedBackend(minimalDefaults());
    AtomicInteger inits = new AtomicInteger();
    backend.add(plugin("p", d -> inits.incrementAndGet()));
    // the registry changed after construction (as the OSGi layer may do): start re-checks first
    BackendInitializer initializer = (BackendInitializer) backend;
    initializer.registry().add(dependsOn("a", "b"));
    initializer.registry().add(dependsOn("b", "a"));
    ConflictError e = assertThrows(ConflictError.class, backend::start);
    assertEquals("Circular dependencies detected:\n  'a' -> 'b' -> 'a'", e.getMessage());
    assertEquals(0, inits.get());
  }

  @Test
  void theCycleCheckRunsAgainAfterALoaderAddsAFactory() {
    AtomicInteger inits = new AtomicInteger();
    RuntimeException e =
        wiringFailure(
            TestBackend.builder()
                .defaultService(dependsOn("a", "b"))
                .add(BackendFeatureLoader.create(d -> List.of(dependsOn("b", "a"))))
                .add(plugin("p", d -> inits.incrementAndGet())));
    assertTrue(e instanceof ConflictError, "a ConflictError");
    assertEquals("Circular dependencies detected:\n  'a' -> 'b' -> 'a'", e.getMessage());
    assertEquals(0, inits.get());
  }

  // ---- adding a factory after use -------------------------------------------------------------

  @Test
  void addingAFactoryAfterTheServiceWasInstantiatedFails() {
    ServiceRef<String> used = ServiceRef.root("test.used", String.class);
    BackendFeatureLoader user = BackendFeatureLoader.create(Deps.of(used), d -> List.of());
    BackendFeatureLoader overrider =
        BackendFeatureLoader.create(d -> List.of(ServiceFactory.ofInstance(used, "late")));
    RuntimeException e =
        wiringFailure(
            TestBackend.builder().defaultService(ServiceFactory.ofInstance(used, "early")).add(user).add(overrider));
    assertEquals("Unable to set service factory with id test.used, service has already been instantiated", e.getMessage());
  }
}
