package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.spi.DefaultExport;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Feature loaders (upstream: backend-plugin-api/src/wiring/createBackendFeatureLoader.ts). */
@Timeout(60)
class FeatureLoadersTest {
  static final ServiceRef<String> ROOT_SVC = ServiceRef.root("test.rootSvc", String.class);
  static final ServiceRef<String> PLUGIN_SVC = ServiceRef.create("test.pluginSvc", String.class);

  static List<String> installedPluginIds(TestBackend backend) {
    return backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins().stream()
        .map(InstalledPlugin::pluginId)
        .toList();
  }

  /** A lazily generated iterable, the Java stand-in for a generator. */
  static Iterable<Object> generator(List<Object> items, AtomicInteger produced, RuntimeException failAtEnd) {
    return () -> new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        if (next == items.size() && failAtEnd != null) {
          throw failAtEnd;
        }
        return next < items.size();
      }

      @Override
      public Object next() {
        if (next >= items.size()) {
          throw new NoSuchElementException();
        }
        produced.incrementAndGet();
        return items.get(next++);
      }
    };
  }

  @Test
  void aLoaderReturnsFeaturesAndDefaultExportsFromRootDeps() {
    AtomicReference<String> seenDep = new AtomicReference<>();
    AtomicInteger inits = new AtomicInteger();
    BackendFeatureLoader loader =
        BackendFeatureLoader.create(
            Deps.of(ROOT_SVC),
            deps -> {
              seenDep.set(deps.get(ROOT_SVC));
              return List.of(
                  plugin("a", d -> inits.incrementAndGet()),
                  (DefaultExport) () -> plugin("b", d -> inits.incrementAndGet()),
                  (DefaultExport) () -> (DefaultExport) () -> module("b", "m", d -> inits.incrementAndGet()));
            });
    try (TestBackend backend = TestBackend.start(ServiceFactory.ofInstance(ROOT_SVC, "root-value"), loader)) {
      assertEquals("root-value", seenDep.get());
      assertEquals(3, inits.get());
      assertEquals(List.of("a", "b"), installedPluginIds(backend));
    }
  }

  @Test
  void aLoaderMayBeAGenerator() {
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger inits = new AtomicInteger();
    BackendFeatureLoader loader =
        BackendFeatureLoader.create(d -> generator(
            List.of(plugin("g1", x -> inits.incrementAndGet()), plugin("g2", x -> inits.incrementAndGet())),
            produced,
            null));
    try (TestBackend backend = TestBackend.start(loader)) {
      assertEquals(2, produced.get());
      assertEquals(2, inits.get());
      assertEquals(List.of("g1", "g2"), installedPluginIds(backend));
    }
  }

  @Test
  void anInvalidItemFailsTheLoader() {
    BackendFeatureLoader loader = BackendFeatureLoader.create(d -> List.of(plugin("ok", x -> {}), "bogus"));
    RuntimeException e = wiringFailure(TestBackend.builder().add(loader));
    assertEquals(
        "Feature loader " + loader.description() + " failed; caused by Error: Invalid item \"bogus\"",
        e.getMessage());
    assertEquals("Invalid item \"bogus\"", e.getCause().getMessage());
    // any other item, rendered as String.valueOf (JS: `${item}`)
    BackendFeatureLoader map = BackendFeatureLoader.create(d -> List.of(Map.of("x", 1)));
    RuntimeException e2 = wiringFailure(TestBackend.builder().add(map));
    assertEquals("Invalid item \"{x=1}\"", e2.getCause().getMessage());
  }

  @Test
  void loaderDepsMustBeRootScoped() {
    BackendFeatureLoader loader = BackendFeatureLoader.create(Deps.of(PLUGIN_SVC), d -> List.of());
    RuntimeException e =
        wiringFailure(TestBackend.builder().add(ServiceFactory.ofInstance(PLUGIN_SVC, "x")).add(loader));
    assertEquals(
        "Feature loaders can only depend on root scoped services, but 'test.pluginSvc' is scoped to 'plugin'. "
            + "Offending loader is " + loader.description(),
        e.getMessage());
  }

  @Test
  void missingLoaderDepsAreListed() {
    ServiceRef<String> a = ServiceRef.root("test.a", String.class);
    ServiceRef<String> b = ServiceRef.root("test.b", String.class);
    BackendFeatureLoader loader = BackendFeatureLoader.create(Deps.of(a, ROOT_SVC, b), d -> List.of());
    RuntimeException e =
        wiringFailure(TestBackend.builder().add(ServiceFactory.ofInstance(ROOT_SVC, "x")).add(loader));
    assertEquals(
        "No service available for the following ref(s): serviceRef{test.a}, serviceRef{test.b}, depended on by feature loader "
            + loader.description(),
        e.getMessage());
  }

  @Test
  void aThrowingLoaderIsForwarded() {
    IllegalStateException boom = new IllegalStateException("loader boom");
    BackendFeatureLoader loader = BackendFeatureLoader.create(d -> {
      throw boom;
    });
    RuntimeException e = wiringFailure(TestBackend.builder().add(loader));
    assertEquals("Feature loader " + loader.description() + " failed; caused by Error: loader boom", e.getMessage());
    assertSame(boom, e.getCause());
  }

  @Test
  void aGeneratorFailingMidwayIsForwarded() {
    AtomicInteger produced = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("generator boom");
    BackendFeatureLoader loader =
        BackendFeatureLoader.create(d -> generator(List.of(plugin("g1", x -> {})), produced, boom));
    RuntimeException e = wiringFailure(TestBackend.builder().add(loader));
    assertEquals("Feature loader " + loader.description() + " failed; caused by Error: generator boom", e.getMessage());
    assertSame(boom, e.getCause());
  }

  @Test
  void nestedLoadersRunDepthFirstAfterTheirParentsOtherFeatures() {
    BackendFeatureLoader grandChild = BackendFeatureLoader.create(d -> List.of(plugin("a-b-c", x -> {})));
    BackendFeatureLoader child = BackendFeatureLoader.create(d -> List.of(grandChild, plugin("a-b", x -> {})));
    BackendFeatureLoader first = BackendFeatureLoader.create(d -> List.of(child, plugin("a", x -> {}), plugin("a2", x -> {})));
    BackendFeatureLoader second = BackendFeatureLoader.create(d -> List.of(plugin("z", x -> {})));
    try (TestBackend backend = TestBackend.start(first, plugin("direct", x -> {}), second)) {
      assertEquals(List.of("direct", "a", "a2", "a-b", "a-b-c", "z"), installedPluginIds(backend));
    }
  }

  @Test
  void loaderDepsCountAsUsed() {
    BackendFeatureLoader loader =
        BackendFeatureLoader.create(Deps.of(ROOT_SVC), d -> List.of(ServiceFactory.ofInstance(ROOT_SVC, "replacement")));
    RuntimeException e =
        wiringFailure(TestBackend.builder().defaultService(ServiceFactory.ofInstance(ROOT_SVC, "original")).add(loader));
    assertEquals(
        "Unable to set service factory with id test.rootSvc, service has already been instantiated", e.getMessage());
  }

  @Test
  void loadersRunAfterEveryAddedFeatureSoTheyCanUseAddedServices() {
    AtomicReference<String> seen = new AtomicReference<>();
    BackendFeatureLoader loader =
        BackendFeatureLoader.create(Deps.of(ROOT_SVC), d -> {
          seen.set(d.get(ROOT_SVC));
          return List.of();
        });
    // the loader is added before the factory it depends on
    try (TestBackend backend = TestBackend.start(loader, ServiceFactory.ofInstance(ROOT_SVC, "added later"))) {
      assertEquals("added later", seen.get());
    }
  }
}
