package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.STARTUP_FAILED;
import static dev.greenroom.backend.test.base.rules.Rules.moduleResult;
import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.pluginResult;
import static dev.greenroom.backend.test.base.rules.Rules.startupConfig;
import static dev.greenroom.backend.test.base.rules.Rules.startupError;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ExtensionPointFactoryContext;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.BackendStartupResult.PluginStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Extension points (upstream: backend-app-api/src/wiring/BackendInitializer.ts). */
@Timeout(60)
class ExtensionPointsTest {
  /** What modules contribute to. */
  interface Registry {
    void register(String item);
  }

  static final ExtensionPoint<Registry> EP = ExtensionPoint.create("catalog.processing", Registry.class);

  /** A plugin offering EP with a fixed impl collecting into {@code items}. */
  static BackendPlugin providerPlugin(String pluginId, List<String> items, List<List<String>> seenByInit) {
    return BackendPlugin.create(
        pluginId,
        reg -> {
          List<String> mine = new CopyOnWriteArrayList<>();
          reg.registerExtensionPoint(EP, (Registry) item -> {
            mine.add(item);
            items.add(item);
          });
          reg.registerInit(Deps.none(), d -> seenByInit.add(List.copyOf(mine)));
        });
  }

  static BackendModule contributor(String pluginId, String moduleId) {
    return module(pluginId, moduleId, Deps.of(EP), d -> d.get(EP).register(moduleId));
  }

  @Test
  void extensionPointShapeAndToString() {
    assertEquals("extensionPoint{catalog.processing}", EP.toString());
    assertEquals("catalog.processing", EP.id());
    assertEquals(Registry.class, EP.type());
  }

  @Test
  void modulesReceiveThePluginsImplementation() {
    List<String> items = new CopyOnWriteArrayList<>();
    List<List<String>> seenByInit = new CopyOnWriteArrayList<>();
    try (TestBackend backend =
        TestBackend.start(providerPlugin("catalog", items, seenByInit), contributor("catalog", "one"), contributor("catalog", "two"))) {
      assertEquals(List.of("one", "two"), items.stream().sorted().toList());
      // the mutation window: every module finished before the plugin's init reads
      assertEquals(1, seenByInit.size());
      assertEquals(List.of("one", "two"), seenByInit.get(0).stream().sorted().toList());
    }
  }

  @Test
  void anExtensionPointFactoryIsCalledForEachConsumingModule() {
    Map<String, Registry> made = new ConcurrentHashMap<>();
    Map<String, List<String>> byModule = new ConcurrentHashMap<>();
    AtomicReference<Map<String, List<String>>> seenByInit = new AtomicReference<>();
    BackendPlugin p =
        BackendPlugin.create(
            "catalog",
            reg -> {
              reg.registerExtensionPointFactory(EP, (ExtensionPointFactoryContext ctx) -> {
                List<String> list = byModule.computeIfAbsent(ctx.moduleId(), k -> new CopyOnWriteArrayList<>());
                Registry r = list::add;
                made.put(ctx.moduleId(), r);
                return r;
              });
              reg.registerInit(Deps.none(), d -> seenByInit.set(Map.copyOf(byModule)));
            });
    AtomicReference<Registry> gotByOne = new AtomicReference<>();
    BackendModule one = module("catalog", "one", Deps.of(EP), d -> {
      gotByOne.set(d.get(EP));
      d.get(EP).register("a");
    });
    try (TestBackend backend =
        TestBackend.start(p, one, contributor("catalog", "two"), module("catalog", "bystander", d -> {}))) {
      assertEquals(Map.of("one", List.of("a"), "two", List.of("two")), seenByInit.get());
      assertEquals(2, made.size(), "not called for modules that do not consume it");
      assertSame(made.get("one"), gotByOne.get());
      assertNotSame(made.get("one"), made.get("two"));
    }
  }

  /** A plugin whose EP factory lets its init blame the consuming modules that contributed "bad". */
  static BackendPlugin blamingPlugin(RuntimeException blame) {
    return BackendPlugin.create(
        "catalog",
        reg -> {
          Map<String, ExtensionPointFactoryContext> contexts = new ConcurrentHashMap<>();
          Map<String, String> contributions = new ConcurrentHashMap<>();
          reg.registerExtensionPointFactory(EP, (ExtensionPointFactoryContext ctx) -> {
            contexts.put(ctx.moduleId(), ctx);
            return item -> contributions.put(ctx.moduleId(), item);
          });
          reg.registerInit(Deps.none(), d -> contributions.forEach((moduleId, item) -> {
            if (item.equals("bad")) {
              contexts.get(moduleId).reportModuleStartupFailure(blame);
            }
          }));
        });
  }

  @Test
  void reportModuleStartupFailureMarksTheConsumingModuleAsFailed() {
    IllegalStateException blame = new IllegalStateException("bad contribution");
    BackendModule bad = module("catalog", "bad", Deps.of(EP), d -> d.get(EP).register("bad"));
    BackendModule good = module("catalog", "good", Deps.of(EP), d -> d.get(EP).register("good"));
    BackendStartupError e = startupError(TestBackend.builder().add(blamingPlugin(blame)).add(bad).add(good));
    assertEquals(
        STARTUP_FAILED + "\n  Module 'bad' for plugin 'catalog' startup failed; caused by Error: bad contribution",
        e.getMessage());
    PluginStartupResult catalog = pluginResult(e.result(), "catalog");
    assertNull(catalog.failure(), "the plugin itself succeeded");
    assertSame(blame, moduleResult(catalog, "bad").failure().error());
    assertFalse(moduleResult(catalog, "bad").failure().allowed());
    assertNull(moduleResult(catalog, "good").failure());
    assertEquals(BackendStartupResult.Outcome.FAILURE, e.result().outcome());
  }

  @Test
  void aReportedModuleFailureFollowsTheModulesBootFailurePolicy() {
    IllegalStateException blame = new IllegalStateException("bad contribution");
    BackendModule bad = module("catalog", "bad", Deps.of(EP), d -> d.get(EP).register("bad"));
    try (TestBackend backend =
        TestBackend.builder()
            .add(blamingPlugin(blame))
            .add(bad)
            .config(startupConfig(Map.of(
                "plugins", Map.of("catalog", Map.of("modules", Map.of("bad", Map.of("onPluginModuleBootFailure", "continue")))))))
            .start()) {
      BackendStartupResult result = backend.startupResult();
      assertEquals(BackendStartupResult.Outcome.SUCCESS, result.outcome());
      assertSame(blame, moduleResult(pluginResult(result, "catalog"), "bad").failure().error());
      assertTrue(moduleResult(pluginResult(result, "catalog"), "bad").failure().allowed());
    }
  }

  @Test
  void extensionPointIdsAreGloballyUnique() {
    List<String> items = new ArrayList<>();
    List<List<String>> seen = new ArrayList<>();
    RuntimeException e =
        wiringFailure(TestBackend.builder().add(providerPlugin("a", items, seen)).add(providerPlugin("b", items, seen)));
    assertEquals("ExtensionPoint with ID 'catalog.processing' is already registered", e.getMessage());
    // a module of the same plugin cannot take the id either
    BackendModule clash =
        BackendModule.create(
            "a",
            "m",
            reg -> {
              reg.registerExtensionPoint(EP, (Registry) item -> {});
              reg.registerInit(Deps.none(), d -> {});
            });
    RuntimeException e2 = wiringFailure(TestBackend.builder().add(providerPlugin("a", items, seen)).add(clash));
    assertEquals("ExtensionPoint with ID 'catalog.processing' is already registered", e2.getMessage());
  }

  @Test
  void onlyModulesOfTheOwningPluginMayUseAnExtensionPoint() {
    AtomicBoolean intruderRan = new AtomicBoolean();
    BackendModule intruder = module("search", "spy", Deps.of(EP), d -> intruderRan.set(true));
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(providerPlugin("catalog", new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()))
                .add(plugin("search", d -> {}))
                .add(intruder));
    String illegal =
        "Illegal dependency: Module 'spy' for plugin 'search' attempted to depend on extension point "
            + "'catalog.processing' for plugin 'catalog'. Extension points can only be used within their plugin's scope.";
    assertEquals(STARTUP_FAILED + "\n  Module 'spy' for plugin 'search' startup failed; caused by Error: " + illegal, e.getMessage());
    assertEquals(illegal, moduleResult(pluginResult(e.result(), "search"), "spy").failure().error().getMessage());
    assertFalse(intruderRan.get());
  }

  @Test
  void anExtensionPointRegisteredByAModuleBelongsToThatModulesPlugin() {
    ExtensionPoint<Registry> sub = ExtensionPoint.create("catalog.sub", Registry.class);
    List<String> received = new CopyOnWriteArrayList<>();
    BackendModule provider =
        BackendModule.create(
            "catalog",
            "provider",
            reg -> {
              reg.registerExtensionPoint(sub, (Registry) received::add);
              reg.registerInit(Deps.none(), d -> {});
            });
    BackendModule sameplugin = module("catalog", "user", Deps.of(sub), d -> d.get(sub).register("user"));
    BackendModule otherPlugin = module("search", "spy", Deps.of(sub), d -> d.get(sub).register("spy"));
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("catalog", d -> {}))
                .add(plugin("search", d -> {}))
                .add(provider)
                .add(sameplugin)
                .add(otherPlugin));
    assertEquals(List.of("user"), received);
    assertEquals(
        STARTUP_FAILED + "\n  Module 'spy' for plugin 'search' startup failed; caused by Error: Illegal dependency: Module 'spy' "
            + "for plugin 'search' attempted to depend on extension point 'catalog.sub' for plugin 'catalog'. "
            + "Extension points can only be used within their plugin's scope.",
        e.getMessage());
  }

  @Test
  void aMissingExtensionPointIsAMissingDependency() {
    ExtensionPoint<Registry> nowhere = ExtensionPoint.create("nowhere.ep", Registry.class);
    ServiceRef<String> missing = ServiceRef.create("nowhere.svc", String.class);
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("p", d -> {}))
                .add(module("p", "m", Deps.of(nowhere, missing), d -> {})));
    String expected =
        "Service or extension point dependencies of module 'm' for plugin 'p' are missing for the following ref(s): "
            + "extensionPoint{nowhere.ep}, serviceRef{nowhere.svc}";
    assertEquals(expected, moduleResult(pluginResult(e.result(), "p"), "m").failure().error().getMessage());
    assertEquals(STARTUP_FAILED + "\n  Module 'm' for plugin 'p' startup failed; caused by Error: " + expected, e.getMessage());
  }

  @Test
  void missingDependenciesOfAPlugin() {
    ServiceRef<String> missing = ServiceRef.create("x", String.class);
    BackendStartupError e = startupError(TestBackend.builder().add(plugin("p", Deps.of(missing), d -> {})));
    String expected =
        "Service or extension point dependencies of plugin 'p' are missing for the following ref(s): serviceRef{x}";
    assertEquals(expected, pluginResult(e.result(), "p").failure().error().getMessage());
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: " + expected, e.getMessage());
  }

  @Test
  void modulesMayProvideExtensionPointsForOtherModulesOfTheSamePlugin() {
    ExtensionPoint<Registry> sub = ExtensionPoint.create("catalog.sub", Registry.class);
    List<String> items = new CopyOnWriteArrayList<>();
    List<List<String>> seenByInit = new CopyOnWriteArrayList<>();
    AtomicReference<List<String>> seenBySubProvider = new AtomicReference<>();
    BackendModule subProvider =
        BackendModule.create(
            "catalog",
            "sub-provider",
            reg -> {
              List<String> subItems = new CopyOnWriteArrayList<>();
              reg.registerExtensionPoint(sub, (Registry) subItems::add);
              // second level: consume the plugin's point, offer its own
              reg.registerInit(Deps.of(EP), d -> {
                seenBySubProvider.set(List.copyOf(subItems));
                d.get(EP).register("sub-provider:" + String.join("+", subItems));
              });
            });
    try (TestBackend backend =
        TestBackend.start(
            providerPlugin("catalog", items, seenByInit),
            subProvider,
            module("catalog", "sub-user-1", Deps.of(sub), d -> d.get(sub).register("u1")),
            module("catalog", "sub-user-2", Deps.of(sub), d -> d.get(sub).register("u2")))) {
      assertEquals(List.of("u1", "u2"), seenBySubProvider.get().stream().sorted().toList());
      assertEquals(1, seenByInit.size());
      assertEquals(1, seenByInit.get(0).size());
      assertTrue(
          seenByInit.get(0).get(0).equals("sub-provider:u1+u2") || seenByInit.get(0).get(0).equals("sub-provider:u2+u1"),
          seenByInit.get(0).get(0));
    }
  }
}
