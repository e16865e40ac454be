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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.Backends;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.runtime.internal.defaults.PluginLifecycle;
import dev.greenroom.backend.runtime.internal.defaults.RootLifecycle;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.LogRecord;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lifecycle and shutdown (upstream: backend-defaults/src/entrypoints/rootLifecycle and lifecycle; docs/shutdown.md). */
@Timeout(60)
class LifecycleTest {
  /** A lifecycle service without the framework-private triggers. */
  static final class BareLifecycle implements RootLifecycleService {
    @Override
    public void addStartupHook(LifecycleHook hook) {}

    @Override
    public void addStartupHook(LifecycleHook hook, LoggerService logger) {}

    @Override
    public void addShutdownHook(LifecycleHook hook) {}

    @Override
    public void addShutdownHook(LifecycleHook hook, LoggerService logger) {}

    @Override
    public void addBeforeShutdownHook(LifecycleHook hook) {}
  }

  /** A plugin that hands its lifecycle services out, for calls after start. */
  static BackendPlugin capturing(
      String pluginId, AtomicReference<LifecycleService> plugin, AtomicReference<RootLifecycleService> root) {
    return plugin(pluginId, Deps.of(CoreServices.LIFECYCLE, CoreServices.ROOT_LIFECYCLE), d -> {
      plugin.set(d.get(CoreServices.LIFECYCLE));
      root.set(d.get(CoreServices.ROOT_LIFECYCLE));
    });
  }

  static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("hooks did not run concurrently");
    }
  }

  // ---- late hooks -----------------------------------------------------------------------------

  @Test
  void addingHooksAfterTheirPhaseThrows() {
    AtomicReference<LifecycleService> lifecycle = new AtomicReference<>();
    AtomicReference<RootLifecycleService> root = new AtomicReference<>();
    TestBackend backend = TestBackend.start(capturing("p", lifecycle, root));
    assertEquals("Attempted to add startup hook after startup", messageOf(() -> root.get().addStartupHook(() -> {})));
    assertEquals("Attempted to add startup hook after startup", messageOf(() -> lifecycle.get().addStartupHook(() -> {})));
    // shutdown hooks may still be added while running
    lifecycle.get().addShutdownHook(() -> {});
    root.get().addShutdownHook(() -> {});
    root.get().addBeforeShutdownHook(() -> {});
    backend.stop();
    assertEquals(
        "Attempt to add before shutdown hook after shutdown has started",
        messageOf(() -> root.get().addBeforeShutdownHook(() -> {})));
    assertEquals("Attempted to add shutdown hook after shutdown", messageOf(() -> root.get().addShutdownHook(() -> {})));
    assertEquals(
        "Attempted to add shutdown hook after shutdown", messageOf(() -> lifecycle.get().addShutdownHook(() -> {})));
  }

  @Test
  void aHookAddedOnceItsPhaseHasBegunThrows() {
    AtomicReference<String> lateMessage = new AtomicReference<>();
    try (TestBackend backend =
        TestBackend.start(plugin("p", Deps.of(CoreServices.ROOT_LIFECYCLE), d -> {
          RootLifecycleService root = d.get(CoreServices.ROOT_LIFECYCLE);
          root.addStartupHook(() -> {
            try {
              root.addStartupHook(() -> {});
            } catch (IllegalStateException e) {
              lateMessage.set(e.getMessage());
            }
          });
        }))) {
      assertEquals("Attempted to add startup hook after startup", lateMessage.get());
    }
  }

  // ---- hook execution -------------------------------------------------------------------------

  @Test
  void hooksOfOnePhaseRunConcurrentlyAndAFailingHookIsOnlyLogged() {
    CountDownLatch startup = new CountDownLatch(2);
    CountDownLatch shutdown = new CountDownLatch(2);
    AtomicInteger afterFailure = new AtomicInteger();
    CapturingLogger hookLogs = new CapturingLogger();
    LoggerService hookLogger = hookLogs.logger().child(Map.of("hook", "mine"));
    TestBackend backend =
        TestBackend.start(plugin("p", Deps.of(CoreServices.ROOT_LIFECYCLE, CoreServices.LIFECYCLE), d -> {
          RootLifecycleService root = d.get(CoreServices.ROOT_LIFECYCLE);
          root.addStartupHook(() -> {
            startup.countDown();
            await(startup);
          });
          root.addStartupHook(() -> {
            startup.countDown();
            await(startup);
          });
          root.addStartupHook(() -> {
            throw new IllegalStateException("root hook boom");
          }, hookLogger);
          root.addStartupHook(afterFailure::incrementAndGet);
          LifecycleService lifecycle = d.get(CoreServices.LIFECYCLE);
          lifecycle.addShutdownHook(() -> {
            shutdown.countDown();
            await(shutdown);
          });
          lifecycle.addShutdownHook(() -> {
            shutdown.countDown();
            await(shutdown);
          });
        }));
    assertEquals(BackendStartupResult.Outcome.SUCCESS, backend.startupResult().outcome());
    assertEquals(0, startup.getCount());
    assertEquals(1, afterFailure.get());
    LogRecord failure =
        hookLogs.records().stream().filter(r -> r.level().equals("error")).findFirst()
            .orElseThrow(() -> new AssertionError("the failing hook was not logged to its logger"));
    assertEquals("error", failure.level());
    assertEquals("Startup hook failed, Error: root hook boom", failure.message());
    assertEquals("mine", failure.meta().get("hook"), "logged to the logger given with the hook");
    backend.stop();
    assertEquals(0, shutdown.getCount());
  }

  @Test
  void eachPhaseRunsAtMostOnceAndStopIsIdempotent() {
    AtomicInteger beforeShutdown = new AtomicInteger();
    AtomicInteger pluginShutdown = new AtomicInteger();
    AtomicInteger rootShutdown = new AtomicInteger();
    TestBackend backend =
        TestBackend.start(plugin("p", Deps.of(CoreServices.ROOT_LIFECYCLE, CoreServices.LIFECYCLE), d -> {
          d.get(CoreServices.ROOT_LIFECYCLE).addBeforeShutdownHook(beforeShutdown::incrementAndGet);
          d.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(rootShutdown::incrementAndGet);
          d.get(CoreServices.LIFECYCLE).addShutdownHook(pluginShutdown::incrementAndGet);
        }));
    backend.stop();
    backend.stop();
    backend.stop();
    assertEquals(1, beforeShutdown.get());
    assertEquals(1, pluginShutdown.get());
    assertEquals(1, rootShutdown.get());
  }

  @Test
  void concurrentStopsShareOneShutdown() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch hookEntered = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    AtomicBoolean hookDone = new AtomicBoolean();
    TestBackend backend =
        TestBackend.start(plugin("p", Deps.of(CoreServices.ROOT_LIFECYCLE), d ->
            d.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(() -> {
              runs.incrementAndGet();
              hookEntered.countDown();
              release.await(30, TimeUnit.SECONDS);
              hookDone.set(true);
            })));
    CompletableFuture<Void> first = CompletableFuture.runAsync(backend::stop);
    assertTrue(hookEntered.await(30, TimeUnit.SECONDS));
    AtomicBoolean secondSawHookDone = new AtomicBoolean();
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
      backend.stop();
      secondSawHookDone.set(hookDone.get());
    });
    Thread.sleep(200);
    assertFalse(second.isDone(), "a repeat stop waits for the shutdown in progress");
    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);
    assertTrue(secondSawHookDone.get());
    assertEquals(1, runs.get());
  }

  @Test
  void stopWithoutStartDoesNothing() {
    AtomicInteger rootLifecycles = new AtomicInteger();
    CapturingLogger logs = new CapturingLogger();
    // the defaults, with a root lifecycle that counts its instantiations
    List<ServiceFactory<?>> defaults = new java.util.ArrayList<>(
        DefaultServiceFactories.create(MapConfig::empty, logs::logger).stream()
            .filter(f -> !f.service().id().equals(CoreServices.ROOT_LIFECYCLE.id()))
            .toList());
    defaults.add(ServiceFactory.of(CoreServices.ROOT_LIFECYCLE).deps(CoreServices.ROOT_LOGGER).factory(d -> {
      rootLifecycles.incrementAndGet();
      return new RootLifecycle(d.get(CoreServices.ROOT_LOGGER));
    }));
    Backend backend = Backends.createSpecializedBackend(defaults);
    AtomicBoolean initRan = new AtomicBoolean();
    backend.add(plugin("p", d -> initRan.set(true)));
    backend.stop();
    backend.stop();
    assertEquals(0, rootLifecycles.get(), "nothing was even instantiated");
    assertFalse(initRan.get());
    assertEquals("Backend has already stopped", messageOf(backend::start));
  }

  @Test
  void stopAfterAFailedStartStillCleansUp() {
    Rules.Events events = new Rules.Events();
    TestBackend built =
        TestBackend.builder()
            .add(plugin("good", Deps.of(CoreServices.ROOT_LIFECYCLE, CoreServices.LIFECYCLE), d -> {
              d.get(CoreServices.ROOT_LIFECYCLE).addBeforeShutdownHook(() -> events.add("root:before"));
              d.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(() -> events.add("root:shutdown"));
              d.get(CoreServices.LIFECYCLE).addShutdownHook(() -> events.add("good:shutdown"));
            }))
            .add(plugin("bad", d -> {
              throw new IllegalStateException("bad");
            }))
            .build();
    assertThrows(BackendStartupError.class, () -> built.backend().start());
    assertEquals(List.of(), events.list());
    built.stop();
    assertEquals(List.of("root:before", "good:shutdown", "root:shutdown"), events.list());
  }

  @Test
  void shutdownRunsBeforeShutdownThenPluginHooksThenRootHooks() {
    Rules.Events events = new Rules.Events();
    TestBackend backend =
        TestBackend.start(
            plugin("a", Deps.of(CoreServices.ROOT_LIFECYCLE, CoreServices.LIFECYCLE), d -> {
              d.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(() -> events.add("root:shutdown"));
              d.get(CoreServices.ROOT_LIFECYCLE).addBeforeShutdownHook(() -> events.add("root:before"));
              d.get(CoreServices.LIFECYCLE).addShutdownHook(() -> {
                Rules.sleep(100);
                events.add("a:shutdown");
              });
            }),
            plugin("b", Deps.of(CoreServices.LIFECYCLE), d ->
                d.get(CoreServices.LIFECYCLE).addShutdownHook(() -> {
                  throw new IllegalStateException("b hook fails, ignored");
                })),
            module("a", "m", Deps.of(CoreServices.LIFECYCLE), d ->
                d.get(CoreServices.LIFECYCLE).addShutdownHook(() -> events.add("a/m:shutdown"))));
    backend.stop();
    events.assertBefore("root:before", "a:shutdown");
    events.assertBefore("root:before", "a/m:shutdown");
    events.assertBefore("a:shutdown", "root:shutdown");
    events.assertBefore("a/m:shutdown", "root:shutdown");
    assertEquals(4, events.list().size(), events.list().toString());
  }

  @Test
  void pluginShutdownCoversOnlyIdsWithAPluginRegistration() {
    Set<String> lifecyclesMade = ConcurrentHashMap.newKeySet();
    ServiceFactory<LifecycleService> recording =
        ServiceFactory.of(CoreServices.LIFECYCLE)
            .deps(CoreServices.PLUGIN_METADATA, CoreServices.LOGGER)
            .factory(d -> {
              lifecyclesMade.add(d.get(CoreServices.PLUGIN_METADATA).getId());
              return new PluginLifecycle(d.get(CoreServices.LOGGER));
            });
    TestBackend backend =
        TestBackend.start(
            recording,
            plugin("p", d -> {}),
            module("p", "m", d -> {}),
            module("ghost", "m", Deps.of(CoreServices.LIFECYCLE), d -> {}));
    backend.stop();
    assertEquals(Set.of("p"), lifecyclesMade);
  }

  // ---- framework-private triggers -------------------------------------------------------------

  @Test
  void aPluginLifecycleWithoutTriggersFailsEveryPluginAfterItsInit() {
    AtomicInteger inits = new AtomicInteger();
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.LIFECYCLE, (LifecycleService) new BareLifecycle()))
                .add(plugin("p", d -> inits.incrementAndGet())));
    assertEquals(1, inits.get(), "the init ran first");
    assertEquals(
        STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: Unexpected plugin lifecycle service implementation",
        e.getMessage());
    assertEquals(
        "Unexpected plugin lifecycle service implementation",
        pluginResult(e.result(), "p").failure().error().getMessage());
  }

  @Test
  void withNoLifecycleServiceAtAllEveryPluginFails() {
    CapturingLogger logs = new CapturingLogger();
    // every default but core.lifecycle
    List<ServiceFactory<?>> defaults =
        DefaultServiceFactories.create(MapConfig::empty, logs::logger).stream()
            .filter(f -> !f.service().id().equals(CoreServices.LIFECYCLE.id()))
            .toList();
    Backend backend = Backends.createSpecializedBackend(defaults);
    AtomicInteger inits = new AtomicInteger();
    backend.add(plugin("a", d -> inits.incrementAndGet()));
    backend.add(plugin("b", d -> inits.incrementAndGet()));
    BackendStartupError e = assertThrows(BackendStartupError.class, backend::start);
    backend.stop();
    assertEquals(2, inits.get());
    StringBuilder expected = new StringBuilder(STARTUP_FAILED);
    for (var p : e.result().plugins()) {
      assertEquals("Unexpected plugin lifecycle service implementation", p.failure().error().getMessage());
      expected.append("\n  Plugin '").append(p.pluginId())
          .append("' startup failed; caused by Error: Unexpected plugin lifecycle service implementation");
    }
    assertEquals(2, e.result().plugins().size());
    assertEquals(expected.toString(), e.getMessage());
  }

  @Test
  void aFailingCleanupDoesNotHideTheStartError() {
    // the start fails (plugin), then the cleanup stop fails too (no root triggers)
    BackendStartupError e =
        startupError(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.ROOT_LIFECYCLE, (RootLifecycleService) new BareLifecycle()))
                .add(plugin("p", d -> {
                  throw new IllegalStateException("init boom");
                })));
    assertEquals(STARTUP_FAILED + "\n  Plugin 'p' startup failed; caused by Error: init boom", e.getMessage());
    // a wiring error likewise (a duplicate extension point still rejects start); the cleanup
    // failure is kept as suppressed
    ExtensionPoint<Runnable> ep = ExtensionPoint.create("p.ep", Runnable.class);
    RuntimeException wiring =
        wiringFailure(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.ROOT_LIFECYCLE, (RootLifecycleService) new BareLifecycle()))
                .add(BackendPlugin.create("p", reg -> {
                  reg.registerExtensionPoint(ep, () -> {});
                  reg.registerInit(Deps.none(), d -> {});
                }))
                .add(BackendPlugin.create("q", reg -> {
                  reg.registerExtensionPoint(ep, () -> {});
                  reg.registerInit(Deps.none(), d -> {});
                })));
    assertEquals("ExtensionPoint with ID 'p.ep' is already registered", wiring.getMessage());
    assertEquals(1, wiring.getSuppressed().length);
    assertEquals("Unexpected root lifecycle service implementation", wiring.getSuppressed()[0].getMessage());
  }

  @Test
  void aRootLifecycleWithoutTriggersFailsStart() {
    AtomicInteger inits = new AtomicInteger();
    RuntimeException e =
        wiringFailure(
            TestBackend.builder()
                .add(ServiceFactory.ofInstance(CoreServices.ROOT_LIFECYCLE, (RootLifecycleService) new BareLifecycle()))
                .add(plugin("p", d -> inits.incrementAndGet())));
    assertEquals("Unexpected root lifecycle service implementation", e.getMessage());
    assertEquals(1, inits.get(), "plugins were initialized before the root startup hooks");
  }

  @Test
  void pluginShutdownHooksOfAllPluginsRunConcurrently() {
    CountDownLatch both = new CountDownLatch(2);
    AtomicInteger done = new AtomicInteger();
    TestBackend backend =
        TestBackend.start(
            plugin("a", Deps.of(CoreServices.LIFECYCLE), d -> d.get(CoreServices.LIFECYCLE).addShutdownHook(() -> {
              both.countDown();
              await(both);
              done.incrementAndGet();
            })),
            plugin("b", Deps.of(CoreServices.LIFECYCLE), d -> d.get(CoreServices.LIFECYCLE).addShutdownHook(() -> {
              both.countDown();
              await(both);
              done.incrementAndGet();
            })));
    backend.stop();
    assertEquals(2, done.get());
  }

  @Test
  void stopWaitsForTheStartInProgressToSettle() throws Exception {
    Rules.Events events = new Rules.Events();
    CountDownLatch inInit = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestBackend backend =
        TestBackend.builder()
            .add(plugin("p", Deps.of(CoreServices.ROOT_LIFECYCLE), d -> {
              d.get(CoreServices.ROOT_LIFECYCLE).addBeforeShutdownHook(() -> events.add("root:before"));
              inInit.countDown();
              release.await(30, TimeUnit.SECONDS);
              events.add("init:done");
            }))
            .build();
    CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> backend.backend().start());
    assertTrue(inInit.await(30, TimeUnit.SECONDS));
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(backend::stop);
    Thread.sleep(200);
    assertFalse(stopping.isDone(), "stop waits for start");
    release.countDown();
    starting.get(30, TimeUnit.SECONDS);
    stopping.get(30, TimeUnit.SECONDS);
    assertEquals(List.of("init:done", "root:before"), events.list());
  }
}
