package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.services.RootInstanceMetadataService;
import dev.greenroom.backend.api.spi.DefaultExport;
import dev.greenroom.backend.api.spi.FeatureType;
import dev.greenroom.backend.api.spi.InternalBackendFeature;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Features and how they are added (upstream: backend-app-api/src/wiring/BackendInitializer.ts, validateBackendFeature.ts). */
@Timeout(60)
class FeaturesTest {
  static final ServiceRef<String> ROOT_SVC = ServiceRef.root("test.value", String.class);

  /** A feature with a given tag, version and kind that is none of the known classes. */
  record OddFeature(String name, String tag, String ver, FeatureType kind) implements InternalBackendFeature {
    @Override
    public String type() {
      return tag;
    }

    @Override
    public String version() {
      return ver;
    }

    @Override
    public FeatureType featureType() {
      return kind;
    }
  }

  static List<String> installedPluginIds(TestBackend backend) {
    return backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins().stream()
        .map(InstalledPlugin::pluginId)
        .toList();
  }

  @Test
  void everyFeatureKindIsTaggedWithTypeVersionAndFeatureType() {
    BackendPlugin plugin = plugin("p", d -> {});
    BackendModule module = module("p", "m", d -> {});
    ServiceFactory<String> factory = ServiceFactory.ofInstance(ROOT_SVC, "x");
    BackendFeatureLoader loader = BackendFeatureLoader.create(d -> List.of());
    for (InternalBackendFeature f : List.<InternalBackendFeature>of(plugin, module, factory, loader)) {
      assertEquals("@backstage/BackendFeature", f.type());
      assertEquals("v1", f.version());
    }
    assertEquals(FeatureType.REGISTRATIONS, plugin.featureType());
    assertEquals(FeatureType.REGISTRATIONS, module.featureType());
    assertEquals(FeatureType.SERVICE, factory.featureType());
    assertEquals(FeatureType.LOADER, loader.featureType());
    assertEquals("registrations", FeatureType.REGISTRATIONS.toString());
    assertEquals("service", FeatureType.SERVICE.toString());
    assertEquals("loader", FeatureType.LOADER.toString());
  }

  @Test
  void aFeatureWithTheWrongTagIsRejected() {
    OddFeature bad = new OddFeature("x", "@other/Feature", "v1", FeatureType.REGISTRATIONS);
    RuntimeException e = wiringFailure(TestBackend.builder().add(bad));
    assertEquals("Invalid BackendFeature, bad type '@other/Feature'", e.getMessage());
  }

  @Test
  void aFeatureWithTheWrongVersionIsRejected() {
    OddFeature bad = new OddFeature("x", InternalBackendFeature.TYPE, "v2", FeatureType.REGISTRATIONS);
    RuntimeException e = wiringFailure(TestBackend.builder().add(bad));
    assertEquals("Invalid BackendFeature, bad version 'v2'", e.getMessage());
  }

  @Test
  void anythingElseUnrecognisedIsRejectedAsJson() {
    // a dynamic import (a completion stage) may resolve to anything
    assertEquals(
        "Failed to add feature, invalid feature {\"foo\":\"bar\"}",
        wiringFailure(TestBackend.builder().add(completedFuture(Map.of("foo", "bar")))).getMessage());
    assertEquals(
        "Failed to add feature, invalid feature \"nope\"",
        wiringFailure(TestBackend.builder().add(completedFuture("nope"))).getMessage());
    assertEquals(
        "Failed to add feature, invalid feature 42",
        wiringFailure(TestBackend.builder().add(completedFuture(42))).getMessage());
    // a BackendFeature that none of the API's factories made
    assertEquals(
        "Failed to add feature, invalid feature {}",
        wiringFailure(TestBackend.builder().add(new BackendFeature() {})).getMessage());
    // correctly tagged, but of no known kind
    OddFeature odd = new OddFeature("odd", InternalBackendFeature.TYPE, "v1", FeatureType.SERVICE);
    assertEquals(
        "Failed to add feature, invalid feature {\"name\":\"odd\",\"tag\":\"@backstage/BackendFeature\","
            + "\"ver\":\"v1\",\"kind\":\"SERVICE\"}",
        wiringFailure(TestBackend.builder().add(odd)).getMessage());
  }

  @Test
  void addAcceptsFuturesAndDefaultExportsAndAwaitsThemInAddOrder() {
    AtomicInteger inits = new AtomicInteger();
    // completes late: its plugin must still come first, in add() order
    CompletableFuture<BackendPlugin> late = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
        .execute(() -> late.complete(plugin("a", d -> inits.incrementAndGet())));
    DefaultExport single = () -> plugin("c", d -> inits.incrementAndGet());
    DefaultExport nested = () -> (DefaultExport) () -> plugin("d", d -> inits.incrementAndGet());
    CompletableFuture<DefaultExport> futureOfExport =
        CompletableFuture.completedFuture(() -> plugin("e", d -> inits.incrementAndGet()));

    try (TestBackend backend =
        TestBackend.builder()
            .add(late)
            .add(CompletableFuture.completedFuture(plugin("b", d -> inits.incrementAndGet())))
            .add(completedFuture(single))
            .add(completedFuture(nested))
            .add(futureOfExport)
            .start()) {
      assertEquals(5, inits.get());
      assertEquals(List.of("a", "b", "c", "d", "e"), installedPluginIds(backend));
    }
  }

  @Test
  void addAfterStartThrows() {
    try (TestBackend backend = TestBackend.start(plugin("p", d -> {}))) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> backend.backend().add(plugin("q", d -> {})));
      assertEquals("feature can not be added after the backend has started", e.getMessage());
    }
  }

  @Test
  void startTwiceThrows() {
    try (TestBackend backend = TestBackend.start(plugin("p", d -> {}))) {
      assertEquals(
          "Backend has already started",
          assertThrows(IllegalStateException.class, () -> backend.backend().start()).getMessage());
      backend.stop();
      // started, then stopped: the started check comes first
      assertEquals(
          "Backend has already started",
          assertThrows(IllegalStateException.class, () -> backend.backend().start()).getMessage());
    }
  }

  @Test
  void startAfterStopThrows() {
    TestBackend backend = TestBackend.builder().add(plugin("p", d -> {})).build();
    backend.stop();
    assertEquals(
        "Backend has already stopped",
        assertThrows(IllegalStateException.class, () -> backend.backend().start()).getMessage());
  }

  @Test
  void featuresAreProcessedAtStartNotAtAdd() {
    AtomicInteger registers = new AtomicInteger();
    BackendPlugin counted =
        BackendPlugin.create(
            "p",
            reg -> {
              registers.incrementAndGet();
              reg.registerInit(Deps.none(), d -> {});
            });
    TestBackend backend =
        assertDoesNotThrow(() -> TestBackend.builder().add(counted).add(completedFuture("not a feature")).build());
    assertEquals(0, registers.get(), "register must not run at add()");
    assertEquals(
        "Failed to add feature, invalid feature \"not a feature\"",
        assertThrows(IllegalArgumentException.class, () -> backend.backend().start()).getMessage());
    backend.stop();
  }

  @Test
  void addedFeaturesComeBeforeLoaderFeaturesWhicheverWasAddedFirst() {
    ServiceRef<String> multi =
        ServiceRef.builder("test.multi", String.class).multiton(true).build();
    BackendFeatureLoader loader =
        BackendFeatureLoader.create(
            d -> List.of(plugin("from-loader", x -> {}), ServiceFactory.ofInstance(multi, "loader")));
    AtomicReference<List<String>> seen = new AtomicReference<>();
    try (TestBackend backend =
        TestBackend.builder()
            .defaultService(ServiceFactory.ofInstance(multi, "default"))
            .add(plugin("first", d -> {}))
            .add(loader)
            .add(ServiceFactory.ofInstance(multi, "added"))
            .add(plugin("last", Deps.of(multi), d -> seen.set(d.getAll(multi))))
            .start()) {
      assertEquals(List.of("first", "last", "from-loader"), installedPluginIds(backend));
      assertEquals(List.of("default", "added", "loader"), seen.get());
    }
  }

  @Test
  void theBuiltInInstanceMetadataIsRegisteredLast() {
    // registered after loaders: a loader's own factory for it therefore collides
    ServiceFactory<RootInstanceMetadataService> own =
        ServiceFactory.ofInstance(CoreServices.ROOT_INSTANCE_METADATA, List::of);
    RuntimeException e =
        wiringFailure(TestBackend.builder().add(BackendFeatureLoader.create(d -> List.of(own))));
    assertEquals("Duplicate service implementations provided for core.rootInstanceMetadata", e.getMessage());
  }

  @Test
  void registerRunsOncePerPassAndIsSideEffectFree() {
    AtomicInteger registers = new AtomicInteger();
    BackendPlugin counted =
        BackendPlugin.create(
            "p",
            reg -> {
              registers.incrementAndGet();
              reg.registerInit(Deps.none(), d -> {});
            });
    TestBackend backend = TestBackend.start(counted);
    // once for instance metadata, once for enumeration
    assertEquals(2, registers.get());
    backend.stop();
    // upstream runs a third pass at shutdown; Greenroom reuses the enumeration it already has
    assertEquals(2, registers.get());
  }

  @Test
  void onlyTheEnumerationPassExtensionPointObjectsReachModules() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    ExtensionPoint<List<String>> ep = (ExtensionPoint) ExtensionPoint.create("p.items", List.class);
    List<List<String>> everyPassList = new CopyOnWriteArrayList<>();
    AtomicReference<List<String>> readByInit = new AtomicReference<>();
    AtomicReference<List<String>> givenToModule = new AtomicReference<>();
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              List<String> items = new CopyOnWriteArrayList<>();
              everyPassList.add(items);
              reg.registerExtensionPoint(ep, items);
              reg.registerInit(Deps.none(), d -> readByInit.set(new ArrayList<>(items)));
            });
    BackendModule m =
        module("p", "m", Deps.of(ep), d -> {
          givenToModule.set(d.get(ep));
          d.get(ep).add("from-module");
        });
    try (TestBackend backend = TestBackend.start(p, m)) {
      assertEquals(2, everyPassList.size(), "one object per register pass");
      assertTrue(everyPassList.get(0) != everyPassList.get(1));
      // the module got the object of the enumeration pass, the same the plugin's init reads
      assertSame(everyPassList.get(1), givenToModule.get());
      assertEquals(List.of("from-module"), readByInit.get());
      assertEquals(List.of(), everyPassList.get(0));
    }
  }
}
