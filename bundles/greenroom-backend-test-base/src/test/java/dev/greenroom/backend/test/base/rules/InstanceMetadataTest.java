package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledModule;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.services.RootInstanceMetadataService;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Instance metadata (upstream: backend-app-api/src/wiring/instanceMetadataServiceFactory.ts). */
@Timeout(60)
class InstanceMetadataTest {
  static InstalledPlugin installed(String pluginId, String... moduleIds) {
    return new InstalledPlugin(pluginId, java.util.Arrays.stream(moduleIds).map(InstalledModule::new).toList());
  }

  @Test
  void theRefIsRootScopedCoreRootInstanceMetadata() {
    assertEquals("core.rootInstanceMetadata", CoreServices.ROOT_INSTANCE_METADATA.id());
    assertEquals(ServiceScope.ROOT, CoreServices.ROOT_INSTANCE_METADATA.scope());
  }

  @Test
  void installedPluginsAndModulesInRegistrationOrderWithoutOrphans() {
    AtomicReference<RootInstanceMetadataService> fromPlugin = new AtomicReference<>();
    try (TestBackend backend =
        TestBackend.start(
            module("catalog", "b-module", d -> {}),
            plugin("search", Deps.of(CoreServices.ROOT_INSTANCE_METADATA), d -> fromPlugin.set(d.get(CoreServices.ROOT_INSTANCE_METADATA))),
            module("ghost", "orphan", d -> {}),
            plugin("catalog", d -> {}),
            module("search", "z-module", d -> {}),
            module("catalog", "a-module", d -> {}),
            plugin("app", d -> {}))) {
      List<InstalledPlugin> expected =
          List.of(
              installed("search", "z-module"),
              installed("catalog", "b-module", "a-module"),
              installed("app"));
      RootInstanceMetadataService metadata = backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root");
      assertEquals(expected, metadata.getInstalledPlugins());
      assertSame(metadata, fromPlugin.get(), "one root instance, also reachable from plugins");
    }
  }

  @Test
  void theInstalledPluginsAreDeepFrozen() {
    try (TestBackend backend = TestBackend.start(plugin("p", d -> {}), module("p", "m", d -> {}))) {
      List<InstalledPlugin> plugins =
          backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins();
      assertThrows(UnsupportedOperationException.class, () -> plugins.add(installed("x")));
      assertThrows(UnsupportedOperationException.class, () -> plugins.remove(0));
      assertThrows(UnsupportedOperationException.class, () -> plugins.set(0, installed("x")));
      assertThrows(UnsupportedOperationException.class, () -> plugins.get(0).modules().add(new InstalledModule("x")));
      assertThrows(UnsupportedOperationException.class, () -> plugins.get(0).modules().clear());
      assertEquals(List.of(installed("p", "m")), backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins());
    }
  }

  @Test
  void itIsRegisteredByTheBackendDuringStart() {
    TestBackend backend = TestBackend.builder().add(plugin("p", d -> {})).build();
    assertFalse(
        backend.backend().registry().describe().stream().anyMatch(s -> s.id().equals("core.rootInstanceMetadata")),
        "not registered before start");
    backend.backend().start();
    assertTrue(backend.backend().registry().describe().stream().anyMatch(s -> s.id().equals("core.rootInstanceMetadata")));
    assertEquals(List.of(installed("p")), backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins());
    backend.stop();
  }

  @Test
  void itReflectsOnlyWhatWasRegisteredAtStart() {
    try (TestBackend backend = TestBackend.start(plugin("p", d -> {}))) {
      RootInstanceMetadataService metadata = backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root");
      List<InstalledPlugin> before = metadata.getInstalledPlugins();
      assertThrows(IllegalStateException.class, () -> backend.backend().add(plugin("late", d -> {})));
      assertEquals(List.of(installed("p")), metadata.getInstalledPlugins());
      assertEquals(before, metadata.getInstalledPlugins());
    }
  }

  @Test
  void anExplicitFactoryForItCollidesAsADuplicate() {
    RootInstanceMetadataService fake = List::of;
    RuntimeException e =
        wiringFailure(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.ROOT_INSTANCE_METADATA, fake))
                .add(plugin("p", d -> {})));
    assertEquals("Duplicate service implementations provided for core.rootInstanceMetadata", e.getMessage());
  }
}
