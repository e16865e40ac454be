package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.STARTUP_FAILED;
import static dev.greenroom.backend.test.base.rules.Rules.messageOf;
import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.pluginIds;
import static dev.greenroom.backend.test.base.rules.Rules.startupError;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ExtensionPointFactory;
import dev.greenroom.backend.api.FeatureIds;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledModule;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.spi.InitRegistration;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plugins, modules and IDs (upstream: backend-plugin-api/src/wiring/createBackendPlugin.ts, createBackendModule.ts). */
@Timeout(60)
class PluginsAndModulesTest {
  static final String PATTERN_HINT =
      "must match the pattern /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i (letters, digits, and dashes only, starting with a letter)";
  static final ExtensionPoint<StringBuilder> EP = ExtensionPoint.create("p.ext", StringBuilder.class);
  static final ServiceRef<String> SVC = ServiceRef.create("p.svc", String.class);

  // ---- shapes ---------------------------------------------------------------------------------

  @Test
  void pluginShape() {
    StringBuilder impl = new StringBuilder();
    BackendPlugin p =
        BackendPlugin.create(
            "catalog",
            reg -> {
              reg.registerExtensionPoint(EP, impl);
              reg.registerInit(Deps.of(CoreServices.LOGGER), d -> {});
            });
    assertEquals("catalog", p.pluginId());
    List<Registration> regs = p.getRegistrations();
    assertEquals(1, regs.size());
    Registration r = regs.get(0);
    assertEquals("plugin", r.type());
    assertEquals("catalog", r.pluginId());
    assertNull(r.moduleId());
    assertFalse(r.isModule());
    assertEquals(1, r.extensionPoints().size());
    assertSame(EP, r.extensionPoints().get(0).extensionPoint());
    assertSame(impl, r.extensionPoints().get(0).impl());
    assertEquals(List.of(CoreServices.LOGGER), r.init().deps().asList());
  }

  @Test
  void moduleShape() {
    BackendModule m = module("catalog", "github", Deps.of(EP, SVC), d -> {});
    assertEquals("catalog", m.pluginId());
    assertEquals("github", m.moduleId());
    Registration r = m.getRegistrations().get(0);
    assertEquals("module", r.type());
    assertTrue(r.isModule());
    assertEquals("catalog", r.pluginId());
    assertEquals("github", r.moduleId());
    assertEquals(List.of(EP, SVC), r.init().deps().asList());
  }

  // ---- id patterns ----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"catalog", "catalog-backend", "a1", "Catalog", "x-1-y", "kubernetes-ingestor2"})
  void validIdsAreAccepted(String id) {
    assertTrue(FeatureIds.isValid(id));
    assertDoesNotThrow(() -> plugin(id, d -> {}));
    assertDoesNotThrow(() -> module("catalog", id, d -> {}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test:invalid&id", "1abc", "-abc", "abc-", "a--b", "a.b", "a b", "", "a_"})
  void aPluginIdOutsideBothPatternsThrowsAtCreation(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plugin(id, d -> {}));
    assertEquals("Invalid pluginId '" + id + "', " + PATTERN_HINT, e.getMessage());
  }

  @Test
  void aModuleIdOutsideBothPatternsThrowsAtCreation() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> module("test", "invalid:module&id", d -> {}));
    assertEquals("Invalid moduleId 'invalid:module&id' for plugin 'test', " + PATTERN_HINT, e.getMessage());
    // a module's plugin id is checked too
    assertEquals(
        "Invalid pluginId 'bad id', " + PATTERN_HINT,
        assertThrows(IllegalArgumentException.class, () -> module("bad id", "m", d -> {})).getMessage());
  }

  @Test
  void legacyIdsOnlyLogADeprecationWarning() {
    Logger jul = Logger.getLogger(FeatureIds.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (records) {
              records.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(handler);
    try {
      BackendPlugin p = assertDoesNotThrow(() -> plugin("legacy_plugin", d -> {}));
      BackendModule m = assertDoesNotThrow(() -> module("legacy_plugin", "legacy_module", d -> {}));
      assertEquals("legacy_plugin", p.pluginId());
      assertEquals("legacy_module", m.moduleId());
      synchronized (records) {
        assertTrue(
            records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("'legacy_plugin'")),
            "a deprecation warning names the plugin id");
        assertTrue(
            records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("'legacy_module'")),
            "a deprecation warning names the module id");
      }
      // a legacy-only id still starts fine
      try (TestBackend backend = TestBackend.start(p, m)) {
        assertEquals(List.of("legacy_plugin"), pluginIds(backend.startupResult()));
      }
    } finally {
      jul.removeHandler(handler);
    }
  }

  // ---- registerInit rules ---------------------------------------------------------------------

  @Test
  void registerInitTwiceThrows() {
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              reg.registerInit(Deps.none(), d -> {});
              reg.registerInit(Deps.none(), d -> {});
            });
    assertEquals("registerInit must only be called once", messageOf(p::getRegistrations));
    assertEquals("registerInit must only be called once", wiringFailure(TestBackend.builder().add(p)).getMessage());
    BackendModule m =
        BackendModule.create(
            "p",
            "m",
            reg -> {
              reg.registerInit(Deps.none(), d -> {});
              reg.registerInit(Deps.none(), d -> {});
            });
    assertEquals("registerInit must only be called once", messageOf(m::getRegistrations));
  }

  @Test
  void registerInitNotCalledThrows() {
    BackendPlugin p = BackendPlugin.create("catalog", reg -> {});
    assertEquals("registerInit was not called by register in catalog", messageOf(p::getRegistrations));
    assertEquals(
        "registerInit was not called by register in catalog",
        wiringFailure(TestBackend.builder().add(p)).getMessage());
    BackendModule m = BackendModule.create("catalog", "github", reg -> {});
    assertEquals(
        "registerInit was not called by register in github module for catalog", messageOf(m::getRegistrations));
    assertEquals(
        "registerInit was not called by register in github module for catalog",
        wiringFailure(TestBackend.builder().add(plugin("catalog", d -> {})).add(m)).getMessage());
  }

  @Test
  void registerExtensionPointAfterRegisterInitThrows() {
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              reg.registerInit(Deps.none(), d -> {});
              reg.registerExtensionPoint(EP, new StringBuilder());
            });
    assertEquals("registerExtensionPoint called after registerInit", messageOf(p::getRegistrations));
    ExtensionPointFactory<StringBuilder> factory = ctx -> new StringBuilder();
    BackendModule m =
        BackendModule.create(
            "p",
            "m",
            reg -> {
              reg.registerInit(Deps.none(), d -> {});
              reg.registerExtensionPointFactory(EP, factory);
            });
    assertEquals("registerExtensionPoint called after registerInit", messageOf(m::getRegistrations));
    assertEquals(
        "registerExtensionPoint called after registerInit",
        wiringFailure(TestBackend.builder().add(plugin("p", d -> {})).add(m)).getMessage());
  }

  // ---- dependency kinds -----------------------------------------------------------------------

  @Test
  void moduleDepsMayHoldServicesAndExtensionPoints() {
    StringBuilder impl = new StringBuilder();
    AtomicReference<String> svc = new AtomicReference<>();
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              reg.registerExtensionPoint(EP, impl);
              reg.registerInit(Deps.none(), d -> {});
            });
    BackendModule m =
        module("p", "m", Deps.of(EP, SVC), d -> {
          d.get(EP).append("hello");
          svc.set(d.get(SVC));
        });
    try (TestBackend backend =
        TestBackend.builder().add(p).add(m).add(ServiceFactory.ofInstance(SVC, "service")).start()) {
      assertEquals("hello", impl.toString());
      assertEquals("service", svc.get());
    }
  }

  @Test
  void aPluginCannotDependOnAnExtensionPoint() {
    AtomicBoolean initRan = new AtomicBoolean();
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              reg.registerExtensionPoint(EP, new StringBuilder());
              reg.registerInit(Deps.of(EP), d -> initRan.set(true));
            });
    BackendStartupError e = startupError(TestBackend.builder().add(p));
    assertEquals(
        STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: Rejected dependency on extension point p.ext from outside of a module",
        e.getMessage());
    assertEquals(
        "Rejected dependency on extension point p.ext from outside of a module",
        e.result().plugins().get(0).failure().error().getMessage());
    assertFalse(initRan.get());
  }

  // ---- duplicates -----------------------------------------------------------------------------

  // Newest upstream (backstage#33029): a duplicate is a failure of that plugin inside the startup
  // result, subject to onPluginBootFailure, while the other plugins start; the message is verbatim.

  @Test
  void aDuplicatePluginFailsThatPluginInTheStartupResult() {
    AtomicInteger inits = new AtomicInteger();
    AtomicInteger otherInits = new AtomicInteger();
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("catalog", d -> inits.incrementAndGet()))
                .add(plugin("catalog", d -> inits.incrementAndGet()))
                .add(plugin("search", d -> otherInits.incrementAndGet())));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'catalog' startup failed; caused by Error: Plugin 'catalog' is already registered",
        e.getMessage());
    assertEquals(0, inits.get(), "neither of the two runs");
    assertEquals(1, otherInits.get(), "the other plugins start");
  }

  @Test
  void aDuplicateModuleFailsItsPluginInTheStartupResult() {
    AtomicInteger inits = new AtomicInteger();
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("catalog", d -> inits.incrementAndGet()))
                .add(module("catalog", "github", d -> inits.incrementAndGet()))
                .add(module("catalog", "github", d -> inits.incrementAndGet())));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'catalog' startup failed; caused by Error: Module 'github' for plugin 'catalog' is already registered",
        e.getMessage());
    assertEquals(0, inits.get());
  }

  @Test
  void aDuplicateIsSubjectToOnPluginBootFailure() {
    AtomicInteger otherInits = new AtomicInteger();
    try (TestBackend backend =
        TestBackend.builder()
            .add(plugin("catalog", d -> {}))
            .add(plugin("catalog", d -> {}))
            .add(plugin("search", d -> otherInits.incrementAndGet()))
            .config(Map.of("backend", Map.of("startup", Map.of("plugins",
                Map.of("catalog", Map.of("onPluginBootFailure", "continue"))))))
            .start()) {
      assertEquals("success", backend.startupResult().outcome().toString());
      assertEquals("Plugin 'catalog' is already registered",
          backend.startupResult().plugins().get(0).failure().error().getMessage());
      assertTrue(backend.startupResult().plugins().get(0).failure().allowed());
      assertEquals(1, otherInits.get());
    }
  }

  @Test
  void sameModuleIdForDifferentPluginsIsFine() {
    AtomicInteger inits = new AtomicInteger();
    try (TestBackend backend =
        TestBackend.start(
            plugin("a", d -> {}),
            plugin("b", d -> {}),
            module("a", "shared", d -> inits.incrementAndGet()),
            module("b", "shared", d -> inits.incrementAndGet()))) {
      assertEquals(2, inits.get());
    }
  }

  @Test
  void anInvalidRegistrationTypeFailsStart() {
    RegistrationsFeature bogus =
        () -> List.of(new Registration("bogus", "p", null, List.of(), new InitRegistration(Deps.none(), d -> {})));
    RuntimeException e = wiringFailure(TestBackend.builder().add(bogus));
    assertEquals("Invalid registration type 'bogus'", e.getMessage());
  }

  // ---- modules without their plugin -----------------------------------------------------------

  @Test
  void aModuleWithoutItsPluginIsSilentlyIgnored() {
    AtomicInteger registers = new AtomicInteger();
    AtomicBoolean initRan = new AtomicBoolean();
    BackendModule orphan =
        BackendModule.create(
            "ghost",
            "m",
            reg -> {
              registers.incrementAndGet();
              reg.registerInit(Deps.none(), d -> initRan.set(true));
            });
    try (TestBackend backend = TestBackend.start(plugin("p", d -> {}), orphan)) {
      assertEquals("success", backend.startupResult().outcome().toString());
      assertFalse(initRan.get(), "init of a module without its plugin never runs");
      assertTrue(registers.get() > 0, "its register still runs");
      assertEquals(List.of("p"), pluginIds(backend.startupResult()));
      assertEquals(
          List.of(new InstalledPlugin("p", List.of())),
          backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins());
    }
  }

  @Test
  void anOrphanModulesExtensionPointsStillCountForUniqueness() {
    BackendModule orphan =
        BackendModule.create(
            "ghost",
            "m",
            reg -> {
              reg.registerExtensionPoint(EP, new StringBuilder());
              reg.registerInit(Deps.none(), d -> {});
            });
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              reg.registerExtensionPoint(EP, new StringBuilder());
              reg.registerInit(Deps.none(), d -> {});
            });
    RuntimeException e = wiringFailure(TestBackend.builder().add(orphan).add(p));
    assertEquals("ExtensionPoint with ID 'p.ext' is already registered", e.getMessage());
  }

  @Test
  void duplicateChecksRunAfterEagerRootServicesAndAreStartupResults() {
    ServiceRef<String> eager = ServiceRef.root("test.eager", String.class);
    AtomicBoolean eagerMade = new AtomicBoolean();
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(ServiceFactory.of(eager).factory(d -> {
                  eagerMade.set(true);
                  return "eager";
                }))
                .add(plugin("p", d -> {}))
                .add(plugin("p", d -> {})));
    assertEquals("Plugin 'p' is already registered", e.result().plugins().get(0).failure().error().getMessage());
    assertTrue(eagerMade.get(), "eager root services are initialized before enumeration");
  }

  @Test
  void installedModulesAreListedUnderTheirPlugin() {
    try (TestBackend backend =
        TestBackend.start(module("p", "m1", d -> {}), plugin("p", d -> {}), module("p", "m2", d -> {}))) {
      assertEquals(
          List.of(new InstalledPlugin("p", List.of(new InstalledModule("m1"), new InstalledModule("m2")))),
          backend.service(CoreServices.ROOT_INSTANCE_METADATA, "root").getInstalledPlugins());
    }
  }
}
