package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.STARTUP_FAILED;
import static dev.greenroom.backend.test.base.rules.Rules.moduleIds;
import static dev.greenroom.backend.test.base.rules.Rules.moduleResult;
import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.pluginIds;
import static dev.greenroom.backend.test.base.rules.Rules.pluginResult;
import static dev.greenroom.backend.test.base.rules.Rules.sleep;
import static dev.greenroom.backend.test.base.rules.Rules.startupConfig;
import static dev.greenroom.backend.test.base.rules.Rules.startupError;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.Outcome;
import dev.greenroom.backend.runtime.BackendStartupResult.PluginStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.test.base.LogRecord;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure handling at startup (upstream: backend-app-api/src/wiring/BackendInitializer.ts, createAllowBootFailurePredicate.ts). */
@Timeout(60)
class BootFailureTest {
  /** A non-generic error type renders under its own name. */
  static final class CatalogError extends RuntimeException {
    CatalogError(String message) {
      super(message);
    }
  }

  static Map<String, Object> pluginsConfig(Map<String, Object> plugins) {
    return startupConfig(Map.of("plugins", plugins));
  }

  // ---- the error and its message --------------------------------------------------------------

  @Test
  void aPluginFailureAbortsWithTheExactMessage() {
    IllegalStateException boom = new IllegalStateException("boom");
    BackendStartupError e = startupError(TestBackend.builder().add(plugin("p", d -> {
      throw boom;
    })));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: boom", e.getMessage());
    assertEquals("BackendStartupError", e.getClass().getSimpleName());
    assertEquals("BackendStartupError: " + e.getMessage(), e.toString());
    BackendStartupResult result = e.result();
    assertNotNull(result);
    assertEquals(Outcome.FAILURE, result.outcome());
    assertEquals("failure", result.outcome().toString());
    assertSame(boom, result.plugins().get(0).failure().error(), "the original error, not a wrapper");
    assertFalse(result.plugins().get(0).failure().allowed());
  }

  @Test
  void aModuleFailureAbortsWithTheExactMessage() {
    BackendStartupError e =
        startupError(TestBackend.builder().add(plugin("p", d -> {})).add(module("p", "m", d -> {
          throw new CatalogError("module boom");
        })));
    assertEquals(
        STARTUP_FAILED + "\n  Module 'm' for plugin 'p' startup failed; caused by CatalogError: module boom",
        e.getMessage());
  }

  @Test
  void checkedExceptionsRenderAsGenericErrors() {
    BackendStartupError e = startupError(TestBackend.builder().add(plugin("p", d -> {
      throw new Exception("checked");
    })));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: checked", e.getMessage());
  }

  @Test
  void theMessageListsEveryNonPermittedFailureInRegistrationOrder() {
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("late", d -> {
                  throw new IllegalStateException("late plugin");
                }))
                .add(module("late", "lm", d -> {
                  sleep(800);
                  throw new IllegalStateException("late module");
                }))
                .add(plugin("early", d -> {
                  throw new IllegalStateException("early plugin");
                }))
                .add(plugin("fine", d -> sleep(400)))
                .add(plugin("permitted", d -> {
                  throw new IllegalStateException("permitted plugin");
                }))
                .config(pluginsConfig(Map.of("permitted", Map.of("onPluginBootFailure", "continue")))));
    // "early" and "permitted" fail at once, "fine" after 400 ms, "late" after 800 ms: the result
    // (and so the message) is in registration order all the same (docs/runtime.md, "Startup results")
    assertEquals(List.of("late", "early", "fine", "permitted"), pluginIds(e.result()));
    assertEquals(
        STARTUP_FAILED
            + "\n  Plugin 'late' startup failed; caused by Error: late plugin"
            + "\n  Module 'lm' for plugin 'late' startup failed; caused by Error: late module"
            + "\n  Plugin 'early' startup failed; caused by Error: early plugin",
        e.getMessage());
  }

  // ---- result shape and ordering --------------------------------------------------------------

  @Test
  void resultShapeAndOrdering() {
    IllegalStateException modBoom = new IllegalStateException("mod boom");
    try (TestBackend backend =
        TestBackend.builder()
            .add(plugin("slow", d -> sleep(300)))
            .add(module("slow", "slow-mod", d -> sleep(200)))
            .add(module("slow", "fast-mod", d -> {
              throw modBoom;
            }))
            .add(plugin("fast", d -> {}))
            .config(startupConfig(Map.of("default", Map.of("onPluginModuleBootFailure", "continue"))))
            .start()) {
      BackendStartupResult result = backend.startupResult();
      assertEquals(Outcome.SUCCESS, result.outcome());
      assertEquals("success", result.outcome().toString());
      assertNotNull(result.beginAt());
      assertFalse(result.resultAt().isBefore(result.beginAt()));
      assertEquals(List.of("slow", "fast"), pluginIds(result), "plugins in registration order, not completion order");
      PluginStartupResult slow = pluginResult(result, "slow");
      assertEquals(List.of("slow-mod", "fast-mod"), moduleIds(slow), "modules in registration order");
      assertNull(slow.failure());
      assertNotNull(slow.resultAt());
      ModuleStartupResult fastMod = moduleResult(slow, "fast-mod");
      assertSame(modBoom, fastMod.failure().error());
      assertTrue(fastMod.failure().allowed());
      assertNull(moduleResult(slow, "slow-mod").failure());
      assertFalse(slow.resultAt().isBefore(moduleResult(slow, "slow-mod").resultAt()));
      assertEquals(List.of(), pluginResult(result, "fast").modules());
    }
  }

  @Test
  void aModuleFailureDoesNotStopItsSiblingsOrItsPlugin() {
    Rules.Events events = new Rules.Events();
    IllegalStateException boom = new IllegalStateException("first fails");
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("p", Deps.of(CoreServices.LIFECYCLE), d -> {
                  events.add("plugin:init");
                  d.get(CoreServices.LIFECYCLE).addStartupHook(() -> events.add("plugin:startup"));
                }))
                .add(module("p", "first", d -> {
                  throw boom;
                }))
                .add(module("p", "second", d -> {
                  sleep(100);
                  events.add("second");
                })));
    assertEquals(STARTUP_FAILED + "\n  Module 'first' for plugin 'p' startup failed; caused by Error: first fails", e.getMessage());
    assertEquals(List.of("second", "plugin:init", "plugin:startup"), events.list());
    PluginStartupResult p = pluginResult(e.result(), "p");
    assertNull(p.failure(), "the plugin itself succeeded");
    assertEquals(List.of("first", "second"), moduleIds(p));
    assertSame(boom, moduleResult(p, "first").failure().error());
    assertNull(moduleResult(p, "second").failure());
  }

  // ---- permission rules -----------------------------------------------------------------------

  @Test
  void aPermittedPluginFailureIsLoggedAndStartResolves() {
    IllegalStateException boom = new IllegalStateException("boom");
    try (TestBackend backend =
        TestBackend.builder()
            .add(plugin("p", d -> {
              throw boom;
            }))
            .add(plugin("q", d -> {}))
            .config(pluginsConfig(Map.of("p", Map.of("onPluginBootFailure", "continue"))))
            .start()) {
      BackendStartupResult result = backend.startupResult();
      assertEquals(Outcome.SUCCESS, result.outcome());
      assertSame(boom, pluginResult(result, "p").failure().error());
      assertTrue(pluginResult(result, "p").failure().allowed());
      assertNull(pluginResult(result, "q").failure());
      LogRecord logged =
          backend.logs().records().stream()
              .filter(r -> r.message().contains("boot failure is permitted"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(backend.logs().messages().toString()));
      assertEquals("error", logged.level());
      assertSame(boom, logged.error());
      assertEquals(
          "Plugin 'p' threw an error during startup, but boot failure is permitted for this plugin so startup will continue.",
          logged.message());
    }
  }

  @Test
  void theDefaultPluginSettingApplies() {
    try (TestBackend backend =
        TestBackend.builder()
            .add(plugin("p", d -> {
              throw new IllegalStateException("boom");
            }))
            .config(startupConfig(Map.of("default", Map.of("onPluginBootFailure", "continue"))))
            .start()) {
      assertEquals(Outcome.SUCCESS, backend.startupResult().outcome());
      assertTrue(pluginResult(backend.startupResult(), "p").failure().allowed());
    }
    // a plugin's own abort beats the default continue
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("p", d -> {
                  throw new IllegalStateException("boom");
                }))
                .config(startupConfig(Map.of(
                    "default", Map.of("onPluginBootFailure", "continue"),
                    "plugins", Map.of("p", Map.of("onPluginBootFailure", "abort"))))));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: boom", e.getMessage());
  }

  @Test
  void aModuleDoesNotInheritItsPluginsSetting() {
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("p", d -> {}))
                .add(module("p", "m", d -> {
                  throw new IllegalStateException("module boom");
                }))
                .config(pluginsConfig(Map.of("p", Map.of("onPluginBootFailure", "continue")))));
    assertEquals(STARTUP_FAILED + "\n  Module 'm' for plugin 'p' startup failed; caused by Error: module boom", e.getMessage());
    assertFalse(moduleResult(pluginResult(e.result(), "p"), "m").failure().allowed());
  }

  @Test
  void moduleSettingsComeFromTheModuleOrTheModuleDefault() {
    Map<String, Object> perModule =
        pluginsConfig(Map.of("p", Map.of("modules", Map.of("m", Map.of("onPluginModuleBootFailure", "continue")))));
    try (TestBackend backend =
        TestBackend.builder()
            .add(plugin("p", d -> {}))
            .add(module("p", "m", d -> {
              throw new IllegalStateException("boom");
            }))
            .config(perModule)
            .start()) {
      assertTrue(moduleResult(pluginResult(backend.startupResult(), "p"), "m").failure().allowed());
      assertTrue(
          backend.logs().records().stream().anyMatch(r -> r.level().equals("error") && r.message().contains("boot failure is permitted")),
          backend.logs().messages().toString());
    }
    try (TestBackend backend =
        TestBackend.builder()
            .add(plugin("p", d -> {}))
            .add(module("p", "m", d -> {
              throw new IllegalStateException("boom");
            }))
            .config(startupConfig(Map.of("default", Map.of("onPluginModuleBootFailure", "continue"))))
            .start()) {
      assertTrue(moduleResult(pluginResult(backend.startupResult(), "p"), "m").failure().allowed());
    }
    // the module setting of another module does not apply
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("p", d -> {}))
                .add(module("p", "other", d -> {
                  throw new IllegalStateException("boom");
                }))
                .config(perModule));
    assertFalse(moduleResult(pluginResult(e.result(), "p"), "other").failure().allowed());
  }

  @Test
  void keysAndValuesAreCaseSensitive() {
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("p", d -> {
                  throw new IllegalStateException("boom");
                }))
                .config(pluginsConfig(Map.of("P", Map.of("onPluginBootFailure", "continue")))));
    assertFalse(pluginResult(e.result(), "p").failure().allowed());
    BackendStartupError e2 =
        startupError(
            TestBackend.builder()
                .add(plugin("p", d -> {
                  throw new IllegalStateException("boom");
                }))
                .config(pluginsConfig(Map.of("p", Map.of("onPluginBootFailure", "Continue")))));
    assertFalse(pluginResult(e2.result(), "p").failure().allowed());
  }

  @Test
  void theConfigIsReadOnceUpFront() {
    // a live config the plugin flips to "continue" before failing: too late, it was read already
    Map<String, Object> pluginSettings = new LinkedHashMap<>(Map.of("onPluginBootFailure", "abort"));
    Map<String, Object> data =
        Map.of("backend", Map.of("startup", Map.of("plugins", Map.of("p", pluginSettings))));
    RootConfigService live = new MapConfig(data, "live config");
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.ROOT_CONFIG, live))
                .add(plugin("p", d -> {
                  pluginSettings.put("onPluginBootFailure", "continue");
                  throw new IllegalStateException("boom");
                })));
    assertFalse(pluginResult(e.result(), "p").failure().allowed());
  }

  @Test
  void anInvalidStartupConfigFailsStartEvenWithoutFailures() {
    AtomicBoolean initRan = new AtomicBoolean();
    RuntimeException e =
        wiringFailure(
            TestBackend.builder()
                .add(plugin("p", d -> initRan.set(true)))
                .config(startupConfig(Map.of("default", Map.of("onPluginBootFailure", 42)))));
    assertEquals(
        "Invalid type in config for key 'backend.startup.default.onPluginBootFailure' in 'test config', got number, wanted string",
        e.getMessage());
    assertFalse(initRan.get(), "config is read before any plugin starts");
  }

  // ---- what counts as a plugin failure --------------------------------------------------------

  @Test
  void aFailingAlwaysPluginServiceFailsThePluginBeforeItsModules() {
    ServiceRef<String> always = ServiceRef.create("test.always", String.class);
    AtomicBoolean moduleRan = new AtomicBoolean();
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(ServiceFactory.of(always).initialization(Initialization.ALWAYS).factory(d -> {
                  throw new IllegalStateException("eager boom");
                }))
                .add(plugin("p", d -> {}))
                .add(module("p", "m", d -> moduleRan.set(true))));
    String expected =
        "Failed to instantiate service 'test.always' for 'p' because the factory function threw an error, Error: eager boom";
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: " + expected, e.getMessage());
    assertFalse(moduleRan.get());
    assertEquals(List.of(), pluginResult(e.result(), "p").modules());
  }

  @Test
  void aFailingStartupHookNeverFailsThePlugin() {
    try (TestBackend backend =
        TestBackend.start(plugin("p", Deps.of(CoreServices.LIFECYCLE), d -> d.get(CoreServices.LIFECYCLE).addStartupHook(() -> {
          throw new IllegalStateException("hook boom");
        })))) {
      assertEquals(Outcome.SUCCESS, backend.startupResult().outcome());
      assertNull(pluginResult(backend.startupResult(), "p").failure());
      assertTrue(
          backend.logs().records().stream()
              .anyMatch(r -> r.level().equals("error") && r.message().equals("Startup hook failed, Error: hook boom")),
          backend.logs().messages().toString());
    }
  }

  @Test
  void wiringErrorsArePlainErrors() {
    ServiceRef<String> root = ServiceRef.root("test.root", String.class);
    IllegalStateException boom = new IllegalStateException("root boom");
    RuntimeException e =
        wiringFailure(TestBackend.builder().add(ServiceFactory.of(root).factory(d -> {
          throw boom;
        })).add(plugin("p", d -> {})));
    assertSame(boom, e);
  }
}
