package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.InitThreads;
import dev.greenroom.backend.runtime.internal.live.LiveBackend;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import dev.greenroom.backend.runtime.internal.wiring.StartupErrors;
import dev.greenroom.backend.runtime.state.PluginReady;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The plugin coordinators, one per plugin id, and what they share: the live backend, the boot
 * batch, the timer and the readiness markers.
 */
final class Coordinators implements CoordinatorHost {
  private final BundleContext context;
  private final long moduleTimeoutMillis;
  private final LoggerService earlyLogger;
  private final Map<String, PluginCoordinator> byPlugin = new ConcurrentHashMap<>();
  private final Map<String, ServiceRegistration<PluginReady>> readyMarkers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "greenroom-coordinator-timer");
    t.setDaemon(true);
    return t;
  });
  private final Consumer<BackendStartupResult> onBootFinished;
  private volatile LiveBackend backend;
  private volatile BootBatch boot;
  private ConfigRestarts configRestarts;

  Coordinators(BundleContext context, long moduleTimeoutMillis, LoggerService earlyLogger,
      Consumer<BackendStartupResult> onBootFinished) {
    this.context = context;
    this.moduleTimeoutMillis = moduleTimeoutMillis;
    this.earlyLogger = earlyLogger;
    this.onBootFinished = onBootFinished;
  }

  PluginCoordinator of(String pluginId) {
    return byPlugin.computeIfAbsent(pluginId, id -> {
      PluginCoordinator c = new PluginCoordinator(id, this, new SerialExecutor(InitThreads.POOL));
      if (backend != null && boot != null) {
        c.rootReady();
      }
      return c;
    });
  }

  /** The bundle that contributes the running plugin ({@code moduleId} null) or module, or null. */
  Bundle ownerOf(String pluginId, String moduleId) {
    PluginCoordinator c = byPlugin.get(pluginId);
    return c == null ? null : c.ownerOf(moduleId);
  }

  List<PluginCoordinator> all() {
    return new ArrayList<>(byPlugin.values());
  }

  /** Root services are up: the plugins known now form the boot batch; every coordinator may start. */
  synchronized void rootStarted(LiveBackend liveBackend) {
    this.backend = liveBackend;
    List<String> expected = new ArrayList<>();
    byPlugin.values().stream().filter(PluginCoordinator::hasPlugin).forEach(c -> expected.add(c.pluginId()));
    expected.sort(String::compareTo);
    boot = new BootBatch(expected, liveBackend.rootLogger(), liveBackend.bootFailurePolicy(), onBootFinished);
    byPlugin.values().forEach(PluginCoordinator::rootReady);
    configRestarts = new ConfigRestarts(liveBackend.rootConfig(), this::all, this::logger);
  }

  /** Restarts one plugin by hand; false if no feature of it is present. */
  boolean restart(String pluginId) {
    PluginCoordinator c = byPlugin.get(pluginId);
    return c != null && c.restart().join();
  }

  void haltAll() {
    if (configRestarts != null) {
      configRestarts.close();
    }
    byPlugin.values().forEach(PluginCoordinator::halt);
    timer.shutdownNow();
  }

  void unregisterMarkers() {
    readyMarkers.values().forEach(Coordinators::unregisterQuietly);
    readyMarkers.clear();
  }

  @Override
  public LiveBackend backend() {
    return backend;
  }

  @Override
  public long moduleTimeoutMillis() {
    return moduleTimeoutMillis;
  }

  @Override
  public ScheduledExecutorService timer() {
    return timer;
  }

  @Override
  public LoggerService logger() {
    LiveBackend b = backend;
    return b == null ? earlyLogger : b.rootLogger();
  }

  @Override
  public void onRun(PluginCoordinator coordinator, PluginRun run) {
    BootBatch batch = boot;
    if (batch == null || !batch.report(run)) {
      // a plugin that arrived (or restarted) after boot: its own one-plugin batch, for the log lines
      BootBatch single = new BootBatch(List.of(run.pluginId()), logger(), backend.bootFailurePolicy(), result -> {
        if (result.outcome() == BackendStartupResult.Outcome.FAILURE) {
          logger().error(StartupErrors.toError(result).getMessage());
        }
      });
      single.report(run);
    }
    if (run.error() == null) {
      registerMarker(run.pluginId());
    }
  }

  @Override
  public boolean frameworkStopping() {
    try {
      return context.getBundle(0).getState() == Bundle.STOPPING;
    } catch (IllegalStateException contextGone) {
      return true;
    }
  }

  @Override
  public void onStopped(String pluginId) {
    ServiceRegistration<PluginReady> reg = readyMarkers.remove(pluginId);
    if (reg != null) {
      unregisterQuietly(reg);
    }
  }

  private void registerMarker(String pluginId) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(FeatureNamespace.PLUGIN_ID, pluginId);
    PluginReady marker = () -> pluginId;
    ServiceRegistration<PluginReady> old = readyMarkers.put(pluginId, context.registerService(PluginReady.class, marker, props));
    if (old != null) {
      unregisterQuietly(old);
    }
  }

  private static void unregisterQuietly(ServiceRegistration<?> reg) {
    try {
      reg.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the framework withdrew it already
    }
  }
}
