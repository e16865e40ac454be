package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.InitThreads;
import dev.greenroom.backend.runtime.internal.live.LateRunLog;
import dev.greenroom.backend.runtime.internal.live.LiveBackend;
import dev.greenroom.backend.runtime.internal.live.MachineClock;
import dev.greenroom.backend.runtime.internal.live.MachineHost;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import dev.greenroom.backend.runtime.internal.live.PluginRuns;
import dev.greenroom.backend.runtime.internal.live.PluginSnapshot;
import dev.greenroom.backend.runtime.internal.live.PluginState;
import dev.greenroom.backend.runtime.internal.live.RunPlan;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import dev.greenroom.backend.runtime.internal.wiring.InitTimeout;
import dev.greenroom.backend.runtime.internal.wiring.StartupErrors;
import dev.greenroom.backend.runtime.state.PluginReady;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The plugin coordinators, one per plugin id, and the {@link MachineHost} they share: runs on the
 * live backend ({@link PluginRuns}), the boot batch, one log line per state change, the timer and
 * the readiness markers.
 */
final class Coordinators implements MachineHost {
  private final BundleContext context;
  private final long moduleTimeoutMillis;
  private final long restartSettleMillis;
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
  private volatile PluginRuns runs;
  private volatile BootBatch boot;
  private volatile long initTimeoutMillis = InitTimeout.DEFAULT.toMillis();
  private ConfigRestarts configRestarts;
  private final List<Runnable> pendingFactoryChanges = new ArrayList<>();
  /** System.nanoTime() until which the launch may still be starting its deploy batch; 0: it is not. */
  private volatile long launchStartingUntil;
  private volatile boolean launchStarting = true;
  private volatile boolean refreshPending;

  Coordinators(BundleContext context, long moduleTimeoutMillis, long restartSettleMillis, LoggerService earlyLogger,
      Consumer<BackendStartupResult> onBootFinished) {
    this.context = context;
    this.moduleTimeoutMillis = moduleTimeoutMillis;
    this.restartSettleMillis = restartSettleMillis;
    this.earlyLogger = earlyLogger;
    this.onBootFinished = onBootFinished;
  }

  PluginCoordinator of(String pluginId) {
    return byPlugin.computeIfAbsent(pluginId, id -> {
      PluginCoordinator c = new PluginCoordinator(id, this, this::clockOn, new SerialExecutor(InitThreads.POOL,
          e -> logger().error("Plugin '" + id + "': a step of its state machine failed", e)),
          moduleTimeoutMillis, () -> initTimeoutMillis, restartSettleMillis, this::frameworkStopping);
      if (backend != null && boot != null) {
        c.rootReady();
      }
      if (refreshPending) {
        c.refreshPending(true);
      }
      return c;
    });
  }

  /** The bundle that contributes the running plugin ({@code moduleId} null) or module, or null. */
  Bundle ownerOf(String pluginId, String moduleId) {
    PluginCoordinator c = byPlugin.get(pluginId);
    long bundleId = c == null ? -1 : c.ownerOf(moduleId);
    try {
      return bundleId < 0 ? null : context.getBundle(bundleId);
    } catch (IllegalStateException contextGone) {
      return null;
    }
  }

  /** An updated bundle awaits the framework's refresh, or the refresh came ({@link PendingRefreshes}). */
  void refreshPending(boolean pending) {
    refreshPending = pending;
    byPlugin.values().forEach(c -> c.refreshPending(pending));
  }

  List<PluginCoordinator> all() {
    return new ArrayList<>(byPlugin.values());
  }

  /**
   * The backend whose registry factory changes go to from now on, before its root services start;
   * changes that arrived since the root start took its snapshot of factories are applied now.
   */
  synchronized void useBackend(LiveBackend liveBackend) {
    this.backend = liveBackend;
    List<Runnable> pending = new ArrayList<>(pendingFactoryChanges);
    pendingFactoryChanges.clear();
    pending.forEach(Runnable::run);
  }

  /** Root services are up: the plugins known now form the boot batch; every coordinator may start. */
  synchronized void rootStarted(LiveBackend liveBackend) {
    this.backend = liveBackend;
    this.runs = new PluginRuns(liveBackend, InitThreads.POOL);
    this.initTimeoutMillis = InitTimeout.millis(liveBackend.rootConfig());
    List<PluginCoordinator> expected = new ArrayList<>();
    byPlugin.values().stream().filter(PluginCoordinator::hasPlugin).forEach(expected::add);
    // registration order: the plugin's bundle id, then its service id (docs/runtime.md)
    expected.sort(Comparator.comparingLong((PluginCoordinator c) -> registrationKey(c.snapshot())[0])
        .thenComparingLong(c -> registrationKey(c.snapshot())[1]));
    boot = new BootBatch(expected.stream().map(PluginCoordinator::pluginId).toList(), liveBackend.rootLogger(),
        liveBackend.bootFailurePolicy(), onBootFinished);
    byPlugin.values().forEach(PluginCoordinator::rootReady);
    configRestarts = new ConfigRestarts(liveBackend.rootConfig(), this::all, this::logger);
  }

  private static long[] registrationKey(PluginSnapshot s) {
    if (s.plugin() != null) {
      return new long[] {s.plugin().bundleId(), s.plugin().serviceId()};
    }
    long bundle = s.declarations().stream().filter(d -> !d.isModule()).mapToLong(d -> d.bundleId()).min().orElse(Long.MAX_VALUE);
    return new long[] {bundle, Long.MAX_VALUE};
  }

  /**
   * A core-service factory arrived or left after the root start (its bundle was started, stopped
   * or updated): the registry switches to {@code next} (null: the default, if any) and every plugin
   * that used the old one restarts on the new one — all started plugins when a root service was
   * replaced. While no factory provides the service, their restart fails with Backstage's
   * missing-dependency message, which names it; they are FAILED (503) until it returns. When a
   * factory arrives, plugins that failed are retried too. Nothing stays running on a closed pool.
   */
  synchronized void factoryChanged(String serviceId, ServiceFactory<?> gone, ServiceFactory<?> next, String bundle) {
    LiveBackend b = backend;
    if (frameworkStopping()) {
      return;
    }
    if (b == null) {
      // between the root start's snapshot of factories and the backend being handed over: kept
      // for useBackend, so a core-service bundle that registers late is not lost
      pendingFactoryChanges.add(() -> factoryChanged(serviceId, gone, next, bundle));
      return;
    }
    ServiceRegistry.LiveChange change = b.registry().replaceLive(serviceId, gone, next, ServiceRegistry.SOURCE_ADDED);
    List<PluginCoordinator> restart = new ArrayList<>();
    for (PluginCoordinator c : byPlugin.values()) {
      PluginSnapshot s = c.snapshot();
      boolean used = change.rootInstancesDropped() || change.pluginIds().contains(c.pluginId());
      boolean failed = s.state() == PluginState.FAILED;
      if (s.run() != null && (used || (gone == null && failed))) {
        restart.add(c);
      }
    }
    logger().info("Service factory for " + serviceId + (gone == null ? " arrived from bundle " : " left with bundle ")
        + bundle + (restart.isEmpty() ? "" : "; restarting " + restart.stream().map(c -> "'" + c.pluginId() + "'")
            .collect(java.util.stream.Collectors.joining(", "))));
    restart.forEach(PluginCoordinator::restart);
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

  LoggerService logger() {
    LiveBackend b = backend;
    return b == null ? earlyLogger : b.rootLogger();
  }

  /**
   * The framework is shutting down: bundles stop one by one, and restarting a plugin each time
   * one of its modules goes would only waste the shutdown. The runtime stops every plugin in order
   * when its own bundle stops.
   */
  boolean frameworkStopping() {
    try {
      return context.getBundle(0).getState() == Bundle.STOPPING;
    } catch (IllegalStateException contextGone) {
      return true;
    }
  }

  /**
   * The launch's deploy batch is being started ({@code until}: a bound, System.nanoTime()), or
   * (null) it is done or there is none: plugin machines let their module waits expire again.
   */
  void launchStarting(Long until) {
    if (until == null) {
      launchStarting = false;
    } else {
      launchStartingUntil = until;
      launchStarting = true;
    }
  }

  // ---- MachineHost ----

  @Override
  public boolean launchStillStarting() {
    long until = launchStartingUntil;
    return launchStarting && (until == 0 || System.nanoTime() - until < 0);
  }

  @Override
  public void startRun(RunPlan plan) {
    runs.start(plan, result -> of(plan.pluginId()).runFinished(plan.runId(), result));
  }

  @Override
  public void stopRun(String pluginId, long runId) {
    ServiceRegistration<PluginReady> reg = readyMarkers.remove(pluginId);
    if (reg != null) {
      unregisterQuietly(reg);
    }
    runs.stop(pluginId, () -> of(pluginId).stopFinished(runId));
  }

  @Override
  public PluginRun abandonRun(RunPlan plan, long timeoutMillis) {
    return runs.abandon(plan, timeoutMillis);
  }

  @Override
  public void stateChanged(String pluginId, PluginState from, PluginState to, String reason) {
    if (frameworkStopping()) {
      return;
    }
    String line = "Plugin '" + pluginId + "' is " + name(to) + " (was " + name(from) + "): " + reason;
    logger().info(line); // the failure itself is logged once by the startup result, at error
  }

  private static String name(PluginState state) {
    return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  @Override
  public void runReported(PluginRun run) {
    BootBatch batch = boot;
    if (batch == null || !batch.report(run)) {
      // a plugin that arrived (or restarted) after boot: not a process start, not its log lines
      PluginCoordinator c = byPlugin.get(run.pluginId());
      LateRunLog.report(run, c == null ? null : c.snapshot().run(), logger());
    }
    if (run.error() == null) {
      registerMarker(run.pluginId());
    }
  }

  @Override
  public void problem(String pluginId, String message) {
    logger().error(message);
  }

  private MachineClock clockOn(SerialExecutor queue) {
    return new MachineClock() {
      @Override
      public long millis() {
        return System.currentTimeMillis();
      }

      @Override
      public Runnable schedule(long delayMillis, Runnable task) {
        try {
          ScheduledFuture<?> f = timer.schedule(() -> queue.execute(task), delayMillis, TimeUnit.MILLISECONDS);
          return () -> f.cancel(false);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
          return () -> {};
        }
      }
    };
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
