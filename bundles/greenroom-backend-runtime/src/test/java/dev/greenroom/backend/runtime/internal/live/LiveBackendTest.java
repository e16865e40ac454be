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
import dev.greenroom.backend.api.RegistrationsFeature;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
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
    LiveBackend b = new LiveBackend(DefaultServiceFactories.create(MapConfig::empty, () -> silent), listener);
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
}
