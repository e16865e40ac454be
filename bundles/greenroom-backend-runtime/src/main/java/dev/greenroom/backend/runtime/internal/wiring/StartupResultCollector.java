package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.Outcome;
import dev.greenroom.backend.runtime.BackendStartupResult.PluginStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.StartupFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Collects plugin and module results into a {@link BackendStartupResult} and logs progress as
 * Backstage does: started, in progress (Fibonacci back-off from 1 s, capped at 60 s), complete.
 */
public final class StartupResultCollector {
  private static final long LOG_INTERVAL_MAX = 60_000;
  private static final ScheduledExecutorService TIMER = idleTimingOut();

  /**
   * The progress timer's thread ends when idle: a static pool thread that lived forever would keep
   * this bundle's class loader after the runtime bundle is updated or the framework restarted.
   */
  private static ScheduledExecutorService idleTimingOut() {
    java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "greenroom-init-progress");
      t.setDaemon(true);
      t.setContextClassLoader(null);
      return t;
    });
    timer.setKeepAliveTime(1, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private final LoggerService logger;
  private final BootFailurePolicy policy;
  private final Instant beginAt = Instant.now();
  private final Set<String> starting;
  private final List<String> registrationOrder;
  private final Set<String> started = new LinkedHashSet<>();
  private final List<PluginStartupResult> pluginResults = new ArrayList<>();
  private final Map<String, List<ModuleStartupResult>> moduleResults = new LinkedHashMap<>();
  private boolean hasDisallowedFailures;
  private long interval = 1000;
  private long prevInterval;
  private ScheduledFuture<?> progress;

  public StartupResultCollector(Collection<String> pluginIds, LoggerService rootLogger, BootFailurePolicy policy) {
    this.logger = rootLogger == null ? null : rootLogger.child(Map.of("type", "initialization"));
    this.policy = policy;
    this.starting = new LinkedHashSet<>(pluginIds);
    this.registrationOrder = List.copyOf(pluginIds);
    for (String id : pluginIds) {
      moduleResults.put(id, new ArrayList<>());
    }
    if (logger != null) {
      logger.info("Plugin initialization started: " + joinIds(starting));
    }
    schedule();
  }

  static String joinIds(Collection<String> ids) {
    return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
  }

  public synchronized void onPluginResult(String pluginId, Throwable error) {
    starting.remove(pluginId);
    started.add(pluginId);
    List<ModuleStartupResult> modules = moduleResults.get(pluginId);
    if (modules == null) {
      throw new IllegalStateException("Failed to push plugin result for nonexistent plugin '" + pluginId + "'");
    }
    if (error == null) {
      pluginResults.add(new PluginStartupResult(pluginId, Instant.now(), modules, null));
      return;
    }
    boolean allowed = policy.isPluginFailurePermitted(pluginId);
    pluginResults.add(new PluginStartupResult(pluginId, Instant.now(), modules, new StartupFailure(error, allowed)));
    if (allowed) {
      log(
          "Plugin '" + pluginId + "' threw an error during startup, but boot failure is permitted for this plugin so startup will continue.",
          error);
    } else {
      hasDisallowedFailures = true;
      log("Plugin '" + pluginId + "' threw an error during startup" + waitingStatus() + ".", error);
    }
  }

  public synchronized void onPluginModuleResult(String pluginId, String moduleId, Throwable error) {
    List<ModuleStartupResult> modules = moduleResults.get(pluginId);
    if (modules == null) {
      throw new IllegalStateException("Failed to push module result for nonexistent plugin '" + pluginId + "'");
    }
    if (error == null) {
      modules.add(new ModuleStartupResult(moduleId, Instant.now(), null));
      return;
    }
    boolean allowed = policy.isModuleFailurePermitted(pluginId, moduleId);
    modules.add(new ModuleStartupResult(moduleId, Instant.now(), new StartupFailure(error, allowed)));
    if (allowed) {
      log(
          "Module " + moduleId + " in Plugin '" + pluginId + "' threw an error during startup, but boot failure is permitted for this plugin module so startup will continue.",
          error);
    } else {
      hasDisallowedFailures = true;
      log("Module " + moduleId + " in Plugin '" + pluginId + "' threw an error during startup" + waitingStatus() + ".", error);
    }
  }

  public synchronized BackendStartupResult finish() {
    if (progress != null) {
      progress.cancel(false);
      progress = null;
    }
    if (logger != null) {
      logger.info("Plugin initialization complete" + initStatus());
    }
    // registration order, whatever order the plugins' threads finished in (rules: "Plugins appear
    // in registration order"; upstream's single thread gives that order by construction)
    List<PluginStartupResult> ordered = new ArrayList<>(pluginResults);
    ordered.sort(java.util.Comparator.comparingInt(r -> registrationOrder.indexOf(r.pluginId())));
    return new BackendStartupResult(
        beginAt, Instant.now(), hasDisallowedFailures ? Outcome.FAILURE : Outcome.SUCCESS, ordered);
  }

  private String waitingStatus() {
    return starting.isEmpty()
        ? ""
        : ", waiting for " + starting.size() + " other plugins to finish before shutting down the process";
  }

  private String initStatus() {
    StringBuilder status = new StringBuilder();
    if (!started.isEmpty()) {
      status.append(", newly initialized: ").append(joinIds(started));
      started.clear();
    }
    if (!starting.isEmpty()) {
      status.append(", still initializing: ").append(joinIds(starting));
    }
    return status.toString();
  }

  private void log(String message, Throwable error) {
    if (logger != null) {
      logger.error(message, error);
    }
  }

  private synchronized void schedule() {
    progress = TIMER.schedule(this::onProgressTick, interval, TimeUnit.MILLISECONDS);
  }

  private synchronized void onProgressTick() {
    if (progress == null) {
      return;
    }
    if (logger != null) {
      logger.info("Plugin initialization in progress" + initStatus());
    }
    long next = Math.min(interval + prevInterval, LOG_INTERVAL_MAX);
    prevInterval = interval;
    interval = next;
    schedule();
  }
}
