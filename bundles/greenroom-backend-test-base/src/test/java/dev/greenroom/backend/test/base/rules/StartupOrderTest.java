package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.STARTUP_FAILED;
import static dev.greenroom.backend.test.base.rules.Rules.module;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.pluginResult;
import static dev.greenroom.backend.test.base.rules.Rules.sleep;
import static dev.greenroom.backend.test.base.rules.Rules.startupError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.internal.ConflictError;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.runtime.internal.wiring.BackendInitializer;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Startup sequence and ordering guarantees (upstream: backend-app-api/src/wiring/BackendInitializer.ts; docs/runtime.md "Module order"). */
@Timeout(60)
class StartupOrderTest {
  /** Where consumer modules contribute. */
  interface Sink {
    void put(String item);
  }

  static final ExtensionPoint<Sink> EP = ExtensionPoint.create("p.sink", Sink.class);

  static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("latch not reached: the other party never ran concurrently");
    }
  }

  @Test
  void aModuleProvidingAnExtensionPointRunsAfterEveryModuleConsumingIt() {
    // backstage#30156: several consumers of one extension point and its provider
    Rules.Events events = new Rules.Events();
    List<String> seenByProvider = new CopyOnWriteArrayList<>();
    List<String> seenByPlugin = new CopyOnWriteArrayList<>();
    ExtensionPoint<Sink> result = ExtensionPoint.create("p.result", Sink.class);
    BackendPlugin p =
        BackendPlugin.create(
            "p",
            reg -> {
              List<String> mine = new CopyOnWriteArrayList<>();
              reg.registerExtensionPoint(result, (Sink) mine::add);
              reg.registerInit(Deps.none(), d -> {
                events.add("plugin");
                seenByPlugin.addAll(mine);
              });
            });
    // registered FIRST, so registration order alone would run it first
    BackendModule provider =
        BackendModule.create(
            "p",
            "provider",
            reg -> {
              List<String> items = new CopyOnWriteArrayList<>();
              reg.registerExtensionPoint(EP, (Sink) items::add);
              reg.registerInit(Deps.of(result), d -> {
                events.add("provider:start");
                seenByProvider.addAll(items);
                d.get(result).put("provider saw " + items.size());
              });
            });
    TestBackend.Builder builder = TestBackend.builder().add(p).add(provider);
    long[] delays = {300, 0, 150, 50};
    for (int i = 0; i < delays.length; i++) {
      String id = "consumer" + i;
      long delay = delays[i];
      builder.add(module("p", id, Deps.of(EP), d -> {
        sleep(delay);
        d.get(EP).put(id);
        events.add(id + ":done");
      }));
    }
    try (TestBackend backend = builder.start()) {
      assertEquals(
          List.of("consumer0", "consumer1", "consumer2", "consumer3"),
          seenByProvider.stream().sorted().toList());
      for (int i = 0; i < delays.length; i++) {
        events.assertBefore("consumer" + i + ":done", "provider:start");
      }
      events.assertBefore("provider:start", "plugin");
      assertEquals(List.of("provider saw 4"), seenByPlugin);
    }
  }

  @Test
  void aModuleCycleThroughExtensionPointsFailsThePlugin() {
    ExtensionPoint<Sink> epA = ExtensionPoint.create("p.a", Sink.class);
    ExtensionPoint<Sink> epB = ExtensionPoint.create("p.b", Sink.class);
    Rules.Events events = new Rules.Events();
    BackendModule a =
        BackendModule.create(
            "p",
            "a",
            reg -> {
              reg.registerExtensionPoint(epA, (Sink) x -> {});
              reg.registerInit(Deps.of(epB), d -> events.add("a"));
            });
    BackendModule b =
        BackendModule.create(
            "p",
            "b",
            reg -> {
              reg.registerExtensionPoint(epB, (Sink) x -> {});
              reg.registerInit(Deps.of(epA), d -> events.add("b"));
            });
    BackendStartupError e =
        startupError(TestBackend.builder().add(plugin("p", d -> events.add("plugin"))).add(a).add(b));
    String cycle = "Circular dependency detected for modules of plugin 'p', 'a' -> 'b' -> 'a'";
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by ConflictError: " + cycle, e.getMessage());
    Throwable error = pluginResult(e.result(), "p").failure().error();
    assertTrue(error instanceof ConflictError, String.valueOf(error));
    assertEquals(cycle, error.getMessage());
    assertEquals(List.of(), events.list(), "neither the modules nor the plugin ran");
    assertEquals(List.of(), pluginResult(e.result(), "p").modules());
  }

  @Test
  void modulesFinishBeforeTheirPluginsInitAndStartupHooksFollowTheInit() {
    Rules.Events events = new Rules.Events();
    BackendPlugin p =
        plugin("p", Deps.of(CoreServices.LIFECYCLE, CoreServices.ROOT_LIFECYCLE), d -> {
          events.add("plugin:init");
          d.get(CoreServices.LIFECYCLE).addStartupHook(() -> events.add("plugin:startup-hook"));
          d.get(CoreServices.ROOT_LIFECYCLE).addStartupHook(() -> events.add("root:startup-hook"));
        });
    BackendPlugin slowOther =
        plugin("other", d -> {
          sleep(200);
          events.add("other:init");
        });
    try (TestBackend backend =
        TestBackend.start(
            p,
            slowOther,
            module("p", "slow", d -> {
              sleep(200);
              events.add("slow:done");
            }),
            module("p", "fast", d -> events.add("fast:done")))) {
      events.assertBefore("slow:done", "plugin:init");
      events.assertBefore("fast:done", "plugin:init");
      events.assertBefore("plugin:init", "plugin:startup-hook");
      // root startup hooks run once every plugin has settled
      events.assertBefore("other:init", "root:startup-hook");
      events.assertBefore("plugin:startup-hook", "root:startup-hook");
      assertEquals("root:startup-hook", events.list().get(events.list().size() - 1));
    }
  }

  @Test
  void rootServicesStartBeforeAnyPluginScopedCode() {
    Rules.Events events = new Rules.Events();
    ServiceRef<String> eagerRoot = ServiceRef.root("test.eagerRoot", String.class);
    ServiceRef<String> alwaysPlugin = ServiceRef.create("test.alwaysPlugin", String.class);
    try (TestBackend backend =
        TestBackend.start(
            ServiceFactory.of(eagerRoot).factory(d -> {
              sleep(150);
              events.add("root");
              return "r";
            }),
            ServiceFactory.of(alwaysPlugin)
                .deps(CoreServices.PLUGIN_METADATA)
                .initialization(Initialization.ALWAYS)
                .factory(d -> {
                  events.add("always:" + d.get(CoreServices.PLUGIN_METADATA).getId());
                  return "a";
                }),
            plugin("a", d -> events.add("init:a")),
            plugin("b", d -> events.add("init:b")),
            module("a", "m", d -> events.add("module:a")))) {
      assertEquals("root", events.list().get(0));
      assertEquals(6, events.list().size(), events.list().toString());
    }
  }

  @Test
  void pluginsInitializeConcurrently() {
    CountDownLatch bothRunning = new CountDownLatch(2);
    try (TestBackend backend =
        TestBackend.start(
            plugin("a", d -> {
              bothRunning.countDown();
              await(bothRunning);
            }),
            plugin("b", d -> {
              bothRunning.countDown();
              await(bothRunning);
            }))) {
      assertEquals("success", backend.startupResult().outcome().toString());
      assertEquals(0, bothRunning.getCount());
    }
  }

  @Test
  void independentModulesRunConcurrently() {
    CountDownLatch bothRunning = new CountDownLatch(2);
    try (TestBackend backend =
        TestBackend.start(
            plugin("p", d -> {}),
            module("p", "one", d -> {
              bothRunning.countDown();
              await(bothRunning);
            }),
            module("p", "two", d -> {
              bothRunning.countDown();
              await(bothRunning);
            }))) {
      assertEquals("success", backend.startupResult().outcome().toString());
    }
  }

  @Test
  void modulesReadyTogetherAreStartedInRegistrationOrder() {
    CapturingLogger logs = new CapturingLogger();
    // a direct executor makes "started" observable as "ran"
    BackendInitializer backend =
        new BackendInitializer(DefaultServiceFactories.create(MapConfig::empty, logs::logger), Runnable::run);
    Rules.Events events = new Rules.Events();
    backend.add(plugin("p", d -> events.add("plugin")));
    for (String id : List.of("zeta", "alpha", "mid", "beta")) {
      backend.add(module("p", id, d -> events.add(id)));
    }
    backend.start();
    backend.stop();
    assertEquals(List.of("zeta", "alpha", "mid", "beta", "plugin"), events.list());
  }

  @Test
  void progressIsLogged() {
    try (TestBackend backend = TestBackend.start(plugin("a", d -> {}), plugin("b", d -> {}))) {
      List<String> messages = backend.logs().messages();
      assertTrue(messages.contains("Plugin initialization started: 'a', 'b'"), messages.toString());
      assertTrue(
          messages.contains("Plugin initialization complete, newly initialized: 'a', 'b'")
              || messages.contains("Plugin initialization complete, newly initialized: 'b', 'a'"),
          messages.toString());
    }
  }

  @Test
  void rootStartupHooksRunOnlyOnOverallSuccess() {
    Rules.Events events = new Rules.Events();
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(plugin("good", Deps.of(CoreServices.ROOT_LIFECYCLE, CoreServices.LIFECYCLE), d -> {
                  d.get(CoreServices.ROOT_LIFECYCLE).addStartupHook(() -> events.add("root:startup"));
                  d.get(CoreServices.LIFECYCLE).addStartupHook(() -> events.add("good:startup"));
                }))
                .add(plugin("bad", Deps.of(CoreServices.LIFECYCLE), d -> {
                  d.get(CoreServices.LIFECYCLE).addStartupHook(() -> events.add("bad:startup"));
                  throw new IllegalStateException("bad");
                })));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'bad' startup failed; caused by Error: bad", e.getMessage());
    assertEquals(List.of("good:startup"), events.list(), "only the successful plugin's startup hooks ran");
    assertFalse(events.contains("root:startup"));
  }

  @Test
  void eagerRootServicesStartInRegistrationOrder() {
    Rules.Events events = new Rules.Events();
    ServiceRef<String> a = ServiceRef.root("test.a", String.class);
    ServiceRef<String> b = ServiceRef.root("test.b", String.class);
    ServiceRef<String> c = ServiceRef.root("test.c", String.class);
    try (TestBackend backend =
        TestBackend.builder()
            .defaultService(ServiceFactory.of(c).factory(d -> {
              events.add("c");
              return "c";
            }))
            .add(ServiceFactory.of(b).factory(d -> {
              events.add("b");
              return "b";
            }))
            .add(ServiceFactory.of(a).factory(d -> {
              events.add("a");
              return "a";
            }))
            .add(plugin("p", d -> events.add("plugin")))
            .start()) {
      assertEquals(List.of("c", "b", "a", "plugin"), events.list());
    }
  }

  @Test
  void progressIsLoggedWithAFibonacciBackOff() {
    // ticks at 1 s and 2 s (1 + 1), the next would be at 4 s (2 + 2): two progress lines
    try (TestBackend backend = TestBackend.start(plugin("slow", d -> sleep(3000)), plugin("fast", d -> {}))) {
      List<String> progress =
          backend.logs().messages().stream().filter(m -> m.startsWith("Plugin initialization")).toList();
      assertEquals(
          List.of(
              "Plugin initialization started: 'slow', 'fast'",
              "Plugin initialization in progress, newly initialized: 'fast', still initializing: 'slow'",
              "Plugin initialization in progress, still initializing: 'slow'",
              "Plugin initialization complete, newly initialized: 'slow'"),
          progress);
    }
  }
}
