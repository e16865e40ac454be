package dev.greenroom.backend.runtime.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import dev.greenroom.backend.runtime.internal.ErrorText;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.LogLevel;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.runtime.internal.defaults.SinkLogger;
import dev.greenroom.backend.runtime.internal.wiring.ExtensionPointTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LiveBackendTest {
  interface Sink {
    void add(String s);
  }

  static final ExtensionPoint<Sink> SINK = ExtensionPoint.create("a.sink", Sink.class);

  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  final List<String> published = Collections.synchronizedList(new ArrayList<>());

  LiveBackend backend() {
    ExtensionPointListener listener = new ExtensionPointListener() {
      @Override
      public void registered(ExtensionPointTable.Entry entry) {
        published.add("+" + entry.id());
      }

      @Override
      public void withdrawn(ExtensionPointTable.Entry entry) {
        published.add("-" + entry.id());
      }
    };
    SinkLogger silent = new SinkLogger((at, level, msg, err, meta) -> {}, LogLevel.INFO, Map.of());
    LiveBackend b = LiveBackend.withLiveMetadata(DefaultServiceFactories.create(MapConfig::empty, () -> silent), listener);
    b.startRoot();
    return b;
  }

  BackendPlugin pluginA() {
    return BackendPlugin.create("a", env -> {
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      env.registerExtensionPoint(SINK, got::add);
      env.registerInit(Deps.of(CoreServices.LIFECYCLE, CoreServices.ROOT_LIFECYCLE), deps -> {
        events.add("init a " + got);
        deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> events.add("stop a"));
      });
    });
  }

  BackendModule module(String pluginId, String moduleId, String value) {
    return BackendModule.create(pluginId, moduleId, env ->
        env.registerInit(Deps.of(SINK), deps -> deps.get(SINK).add(value)));
  }

  @Test
  void restartingAPluginWithAnotherModuleSetRunsTheNewSetAndWithdrawsTheOldExtensionPoints() {
    LiveBackend b = backend();
    PluginRun first = b.startPlugin("a", pluginA(), List.of(module("a", "one", "1")));
    assertNull(first.error());
    assertEquals(List.of("one"), first.modules().stream().map(PluginRun.ModuleRun::moduleId).toList());

    b.stopPlugin("a");
    PluginRun second = b.startPlugin("a", pluginA(), List.of(module("a", "one", "1"), module("a", "two", "2")));

    assertNull(second.error());
    assertEquals("init a [1]", events.get(0));
    assertEquals("stop a", events.get(1));
    assertTrue(events.get(2).equals("init a [1, 2]") || events.get(2).equals("init a [2, 1]"), events.toString());
    assertEquals(List.of("+a.sink", "-a.sink", "+a.sink"), published);
  }

  @Test
  void aDuplicateExtensionPointFailsOnlyThePluginThatBringsIt() {
    LiveBackend b = backend();
    assertNull(b.startPlugin("a", pluginA(), List.of()).error());
    BackendPlugin intruder = BackendPlugin.create("b", env -> {
      env.registerExtensionPoint(SINK, s -> {});
      env.registerInit(Deps.none(), deps -> events.add("init b"));
    });

    PluginRun run = b.startPlugin("b", intruder, List.of());

    assertEquals("Error: ExtensionPoint with ID 'a.sink' is already registered", ErrorText.of(run.error()));
    assertFalse(b.isRunning("b"));
    assertTrue(b.isRunning("a"));
    assertEquals(List.of("init a []"), events);
  }

  @Test
  void aModuleOfAnotherPluginCannotUseTheExtensionPoint() {
    LiveBackend b = backend();
    b.startPlugin("a", pluginA(), List.of());
    PluginRun run = b.startPlugin("b", BackendPlugin.create("b", env -> env.registerInit(Deps.none(), d -> {})),
        List.of(module("b", "sneaky", "x")));

    assertNull(run.error());
    assertEquals(
        "Illegal dependency: Module 'sneaky' for plugin 'b' attempted to depend on extension point 'a.sink' for plugin 'a'. "
            + "Extension points can only be used within their plugin's scope.",
        run.modules().get(0).error().getMessage());
  }

  @Test
  void stopRunsEveryPluginShutdownHookBeforeRootShutdownHooks() {
    LiveBackend b = backend();
    Consumer<String> log = events::add;
    b.startPlugin("a", pluginA(), List.of());
    b.startPlugin("r", BackendPlugin.create("r", env -> env.registerInit(Deps.of(CoreServices.ROOT_LIFECYCLE), deps -> {
      deps.get(CoreServices.ROOT_LIFECYCLE).addBeforeShutdownHook(() -> log.accept("root before"));
      deps.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(() -> log.accept("root stop"));
    })), List.of());
    events.clear();

    b.stop();
    b.stop();

    assertEquals(List.of("root before", "stop a", "root stop"), events);
  }

  /** A plugin whose init waits for {@code release}, then adds a shutdown hook (as most plugins do). */
  BackendPlugin slowPlugin(String id, java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch release) {
    return BackendPlugin.create(id, env -> env.registerInit(Deps.of(CoreServices.LIFECYCLE), deps -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> events.add("stop " + id));
      events.add("init " + id);
    }));
  }

  @Test
  void aStopWaitsForTheInitsUnderWayThenRunsTheirShutdownHooks() throws Exception {
    LiveBackend b = backend();
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    PluginRun[] run = new PluginRun[1];
    Thread starting = new Thread(() -> run[0] = b.startPlugin("slow", slowPlugin("slow", entered, release), List.of()));
    starting.start();
    entered.await();
    Thread stopping = new Thread(b::stop);
    stopping.start();
    stopping.join(300); // the stop must wait for the init, not run the shutdown under it
    assertTrue(stopping.isAlive(), "the stop waited for the init under way");
    release.countDown();
    stopping.join(10_000);
    starting.join(10_000);

    // before: the shutdown ran while the init was under way, and the init failed on its late hook
    // ("Attempted to add shutdown hook after shutdown"), one error per plugin still starting
    assertNull(run[0].error());
    assertEquals(List.of("init slow", "stop slow"), events);
  }

  @Test
  void noPluginStartsOnceTheBackendIsStopping() {
    LiveBackend b = backend();
    b.stop();

    assertNull(b.startPlugin("a", pluginA(), List.of(module("a", "one", "1"))));
    assertFalse(b.isRunning("a"));
    assertEquals(List.of(), events);
    assertTrue(b.extensionPoints().all().isEmpty(), "the enumeration's extension points are withdrawn");
  }

  @Test
  void aStopWaitsForAHungInitOnlyAsLongAsItsBound() throws Exception {
    LiveBackend b = backend();
    b.stopSettle(100);
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    Thread starting = new Thread(() -> b.startPlugin("hung", slowPlugin("hung", entered, never), List.of()));
    starting.setDaemon(true);
    starting.start();
    entered.await();

    Thread stopping = new Thread(b::stop);
    stopping.start();
    stopping.join(10_000);

    assertFalse(stopping.isAlive(), "the stop went on after its bound");
    never.countDown();
    starting.join(10_000);
  }

  @Test
  void instanceMetadataFollowsThePluginsThatAreRunningNow() {
    LiveBackend b = backend();
    b.startPlugin("a", pluginA(), List.of(module("a", "one", "1")));
    var metadata = b.registry().get(CoreServices.ROOT_INSTANCE_METADATA, "root");
    assertEquals(List.of(new InstalledPlugin("a", List.of(new dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledModule("one")))),
        metadata.getInstalledPlugins());

    b.stopPlugin("a");

    assertEquals(List.of(), metadata.getInstalledPlugins());
  }

  @Test
  void registrationsOfOtherPluginsInAFeatureListAreIgnored() {
    LiveBackend b = backend();
    RegistrationsFeature stray = module("zzz", "m", "v");
    PluginRun run = b.startPlugin("a", pluginA(), List.of(stray));
    assertNull(run.error());
    assertEquals(List.of(), run.modules());
  }

  @Test
  void aModuleWhoseRegisterBreaksFailsAloneAndThePluginStillStarts() {
    LiveBackend b = backend();
    BackendModule broken = BackendModule.create("a", "broken", env -> {});
    BackendModule clash = BackendModule.create("a", "clash", env -> {
      env.registerExtensionPoint(SINK, s -> {});
      env.registerInit(Deps.none(), d -> {});
    });

    PluginRun run = b.startPlugin("a", pluginA(), List.of(broken, module("a", "one", "1"), clash));

    assertNull(run.error());
    assertEquals(List.of("init a [1]"), events);
    assertEquals(List.of("one", "broken", "clash"), run.modules().stream().map(PluginRun.ModuleRun::moduleId).toList());
    assertNull(run.modules().get(0).error());
    assertEquals("Error: registerInit was not called by register in broken module for a", ErrorText.of(run.modules().get(1).error()));
    assertEquals("Error: ExtensionPoint with ID 'a.sink' is already registered", ErrorText.of(run.modules().get(2).error()));
    assertEquals(List.of("+a.sink"), published);
  }

  @Test
  void aHungModuleInitIsAbandonedNamedAndRemovingItRecoversThePlugin() throws Exception {
    LiveBackend b = backend();
    PluginRuns runs = new PluginRuns(b, dev.greenroom.backend.runtime.internal.defaults.InitThreads.POOL);
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CountDownLatch oneDone = new java.util.concurrent.CountDownLatch(1);
    BackendModule one = BackendModule.create("a", "one", env ->
        env.registerInit(Deps.of(SINK), deps -> {
          deps.get(SINK).add("1");
          oneDone.countDown();
        }));
    BackendModule hang = BackendModule.create("a", "hang", env -> env.registerInit(Deps.none(), d -> {
      try {
        // 'one' runs concurrently: let it return first, so only this init is in progress
        oneDone.await();
        Thread.sleep(200);
        entered.countDown();
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    }));
    Contribution plugin = new Contribution(pluginA(), "a", null, 1, "a [1]", 10, 0);
    Contribution hung = new Contribution(hang, "a", "hang", 2, "hang [2]", 11, 0);
    Contribution oneC = new Contribution(one, "a", "one", 3, "one [3]", 12, 0);
    RunPlan plan = new RunPlan(1, plugin, List.of(oneC, hung), Map.of());
    java.util.concurrent.CompletableFuture<PluginRun> late = new java.util.concurrent.CompletableFuture<>();
    runs.start(plan, late::complete);
    assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS));

    PluginRun timedOut = runs.abandon(plan, 250);

    assertEquals("Error: Module 'hang' for plugin 'a' init timed out after 250 ms (backend.startup.initTimeout)",
        ErrorText.of(timedOut.error()));
    assertEquals(List.of("one", "hang"), timedOut.modules().stream().map(PluginRun.ModuleRun::moduleId).toList());
    assertNull(timedOut.modules().get(0).error());
    assertEquals(timedOut.error().getMessage(), timedOut.modules().get(1).error().getMessage());
    for (int i = 0; i < 100 && !interrupted.get(); i++) {
      Thread.sleep(20);
    }
    assertTrue(interrupted.get(), "the hung init's thread is interrupted");

    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    runs.stop("a", stopped::countDown);
    assertTrue(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS));
    java.util.concurrent.CompletableFuture<PluginRun> again = new java.util.concurrent.CompletableFuture<>();
    runs.start(new RunPlan(2, plugin, List.of(oneC), Map.of()), again::complete);
    PluginRun recovered = again.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertNull(recovered.error());
    assertFalse(late.isDone(), "the abandoned run's own result is never reported");
  }
}
