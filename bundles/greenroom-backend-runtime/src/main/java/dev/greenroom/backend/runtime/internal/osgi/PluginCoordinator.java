package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.RegistrationsFeature;
import dev.greenroom.backend.runtime.internal.ErrorText;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;

/**
 * One per plugin id. Knows which module bundles are expected (from their capabilities) and which
 * feature services are present; starts the plugin once every expected module has registered (or
 * the wait timed out), and restarts it when its module set changes. All methods run on the
 * coordinator's own serial executor, so its state needs no locking beyond publication.
 */
final class PluginCoordinator {
  private final String pluginId;
  private final CoordinatorHost host;
  private final SerialExecutor queue;

  private final List<Contribution> plugins = new ArrayList<>();
  private final Map<String, List<Contribution>> modules = new LinkedHashMap<>();
  private final Map<Long, DeclaredFeature> expectedModules = new LinkedHashMap<>();
  private final Map<Long, DeclaredFeature> expectedPlugins = new LinkedHashMap<>();
  private final Map<Long, String> invalidCapabilities = new java.util.concurrent.ConcurrentHashMap<>();

  private boolean rootReady;
  private Set<Long> runningWith;
  private Set<String> runningTimedOut = Set.of();
  private long waitingSince = -1;
  private ScheduledFuture<?> timeout;
  private boolean timedOut;

  private volatile FeatureState state = FeatureState.STOPPED;
  private volatile PluginRun lastRun;
  private volatile Map<String, String> timedOutModules = Map.of();
  private volatile long startedAt = -1;
  private volatile long readyAt = -1;
  private volatile String runningBundle;
  /** Bundles of the contributions in the current start: the plugin under "", modules by id. */
  private volatile Map<String, Bundle> runningOwners = Map.of();
  private volatile List<String> refusedDuplicates = List.of();
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of());

  PluginCoordinator(String pluginId, CoordinatorHost host, SerialExecutor queue) {
    this.pluginId = pluginId;
    this.host = host;
    this.queue = queue;
  }

  String pluginId() {
    return pluginId;
  }

  /**
   * The bundle whose feature service is used for the plugin ({@code moduleId} null) or module in
   * the current (or last) start; null if none. Extension points are published on its behalf.
   */
  Bundle ownerOf(String moduleId) {
    return runningOwners.get(moduleId == null ? "" : moduleId);
  }

  // ---- events (each enqueued) ----

  void rootReady() {
    queue.execute(() -> {
      rootReady = true;
      evaluate();
    });
  }

  void featureAdded(Contribution c) {
    queue.execute(() -> {
      if (c.isModule()) {
        modules.computeIfAbsent(c.moduleId(), k -> new ArrayList<>()).add(c);
      } else {
        plugins.add(c);
      }
      evaluate();
    });
  }

  void featureRemoved(long serviceId) {
    queue.execute(() -> {
      plugins.removeIf(c -> c.serviceId() == serviceId);
      modules.values().forEach(list -> list.removeIf(c -> c.serviceId() == serviceId));
      modules.values().removeIf(List::isEmpty);
      evaluate();
    });
  }

  void declared(DeclaredFeature d) {
    queue.execute(() -> {
      (d.isModule() ? expectedModules : expectedPlugins).put(d.bundle().getBundleId(), d);
      evaluate();
    });
  }

  void undeclared(long bundleId) {
    queue.execute(() -> {
      invalidCapabilities.remove(bundleId);
      boolean changed = expectedModules.remove(bundleId) != null | expectedPlugins.remove(bundleId) != null;
      if (changed) {
        evaluate();
      }
    });
  }

  void invalidCapability(long bundleId, String message) {
    queue.execute(() -> invalidCapabilities.put(bundleId, message));
  }

  /**
   * Stops the plugin if it runs (or failed) and starts it again with the modules present now:
   * {@code greenroom:restart}, and a change to the plugin's config. Completes once the new start
   * has finished; false if there is no plugin feature to start or the root is not ready.
   */
  java.util.concurrent.CompletableFuture<Boolean> restart() {
    java.util.concurrent.CompletableFuture<Boolean> done = new java.util.concurrent.CompletableFuture<>();
    queue.execute(() -> {
      try {
        if (!rootReady || plugins.isEmpty()) {
          done.complete(false);
          return;
        }
        Map<String, Contribution> chosen = chosenModules();
        stopIfRunning(FeatureState.STOPPED);
        start(plugins.get(0), chosen, missingModules(chosen));
        done.complete(true);
      } catch (RuntimeException | Error e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /** Whether the plugin has been started (running or failed) and would be restarted by a change. */
  boolean started() {
    return runningWith != null;
  }

  /** No more starts (the runtime is stopping); blocks until the current step is done. */
  void halt() {
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    queue.execute(() -> {
      rootReady = false;
      cancelTimeout();
      done.complete(null);
    });
    done.join();
  }

  // ---- the state machine ----

  private void evaluate() {
    publishSnapshot();
    if (!rootReady || host.frameworkStopping()) {
      return;
    }
    Contribution plugin = plugins.isEmpty() ? null : plugins.get(0);
    refusedDuplicates = duplicateMessages(plugin);
    if (plugin == null) {
      stopIfRunning(FeatureState.STOPPED);
      if (!expectedPlugins.isEmpty()) {
        waitOrTimeOut();
      } else {
        // The plugin's bundle left after its feature service did (the order of the framework's
        // bundle event and SCR's unregistration varies): nothing is awaited any more.
        cancelTimeout();
        state = FeatureState.STOPPED;
      }
      publishSnapshot();
      return;
    }
    Map<String, Contribution> chosen = chosenModules();
    Map<String, DeclaredFeature> missing = missingModules(chosen);
    if (!missing.isEmpty() && !timedOut && runningWith == null) {
      waitOrTimeOut();
      publishSnapshot();
      return;
    }
    Set<Long> desired = new LinkedHashSet<>();
    desired.add(plugin.serviceId());
    chosen.values().forEach(c -> desired.add(c.serviceId()));
    Set<String> awaited = new LinkedHashSet<>(missing.keySet());
    awaited.removeAll(runningTimedOut);
    if (runningWith != null && !awaited.isEmpty() && !timedOut) {
      // a module bundle is starting while the plugin runs: restart once it registers (or times out).
      // Modules that already timed out in the running start are not waited for again.
      waitOrTimeOut();
      publishSnapshot();
      return;
    }
    Set<String> missingIds = missing.keySet();
    if (desired.equals(runningWith) && missingIds.equals(runningTimedOut)) {
      // nothing to do; a wait that became pointless (e.g. the awaited bundle left) ends here
      cancelTimeout();
      return;
    }
    stopIfRunning(FeatureState.STOPPED);
    start(plugin, chosen, missing);
  }

  private void start(Contribution plugin, Map<String, Contribution> chosen, Map<String, DeclaredFeature> missing) {
    cancelTimeout();
    state = FeatureState.STARTING;
    startedAt = System.currentTimeMillis();
    readyAt = -1;
    runningBundle = plugin.bundleName();
    Map<String, Bundle> owners = new LinkedHashMap<>();
    owners.put("", plugin.bundle());
    chosen.forEach((moduleId, c) -> owners.put(moduleId, c.bundle()));
    runningOwners = owners;
    Map<String, String> timedOutNow = new LinkedHashMap<>();
    missing.forEach((moduleId, d) -> timedOutNow.put(moduleId,
        "Module '" + moduleId + "' for plugin '" + pluginId + "' was declared by bundle " + BundleNames.of(d.bundle())
            + " but its BackendFeature service was not registered within " + host.moduleTimeoutMillis() + " ms"));
    timedOutModules = timedOutNow;
    publishSnapshot();
    List<RegistrationsFeature> moduleFeatures = new ArrayList<>();
    chosen.values().forEach(c -> moduleFeatures.add(c.feature()));
    PluginRun run = host.backend().startPlugin(pluginId, plugin.feature(), moduleFeatures);
    List<PluginRun.ModuleRun> all = new ArrayList<>(run.modules());
    int order = all.size();
    for (Map.Entry<String, String> t : timedOutNow.entrySet()) {
      all.add(new PluginRun.ModuleRun(t.getKey(), new IllegalStateException(t.getValue()), order++, 0));
    }
    run = new PluginRun(pluginId, run.error(), run.initMillis(), all);
    lastRun = run;
    Set<Long> with = new LinkedHashSet<>();
    with.add(plugin.serviceId());
    chosen.values().forEach(c -> with.add(c.serviceId()));
    runningWith = with;
    runningTimedOut = Set.copyOf(timedOutNow.keySet());
    timedOut = false;
    waitingSince = -1;
    state = run.error() == null ? FeatureState.RUNNING : FeatureState.FAILED;
    readyAt = System.currentTimeMillis();
    publishSnapshot();
    host.onRun(this, run);
  }

  private void stopIfRunning(FeatureState after) {
    if (runningWith == null) {
      return;
    }
    state = FeatureState.STOPPING;
    publishSnapshot();
    try {
      host.backend().stopPlugin(pluginId);
    } finally {
      runningWith = null;
      runningTimedOut = Set.of();
      state = after;
      host.onStopped(pluginId);
      publishSnapshot();
    }
  }

  private void waitOrTimeOut() {
    if (runningWith == null) {
      state = FeatureState.WAITING_FOR_MODULES;
    }
    if (waitingSince < 0) {
      waitingSince = System.currentTimeMillis();
    }
    if (timeout == null) {
      timeout = host.timer().schedule(
          () -> queue.execute(this::onTimeout), host.moduleTimeoutMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void onTimeout() {
    timeout = null;
    timedOut = true;
    if (plugins.isEmpty()) {
      for (DeclaredFeature d : expectedPlugins.values()) {
        String message = "Plugin '" + pluginId + "' was declared by bundle " + BundleNames.of(d.bundle())
            + " but its BackendFeature service was not registered within " + host.moduleTimeoutMillis() + " ms";
        host.logger().error(message);
        lastRun = new PluginRun(pluginId, new IllegalStateException(message), 0, List.of());
        state = FeatureState.FAILED;
        host.onRun(this, lastRun);
        break;
      }
      publishSnapshot();
      return;
    }
    evaluate();
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
    timedOut = false;
    waitingSince = -1;
  }

  private Map<String, Contribution> chosenModules() {
    Map<String, Contribution> chosen = new LinkedHashMap<>();
    modules.forEach((moduleId, list) -> chosen.put(moduleId, list.get(0)));
    return chosen;
  }

  private Map<String, DeclaredFeature> missingModules(Map<String, Contribution> chosen) {
    Map<String, DeclaredFeature> missing = new LinkedHashMap<>();
    for (DeclaredFeature d : expectedModules.values()) {
      if (!chosen.containsKey(d.moduleId())) {
        missing.putIfAbsent(d.moduleId(), d);
      }
    }
    return missing;
  }

  private List<String> duplicateMessages(Contribution winner) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < plugins.size(); i++) {
      out.add("Plugin '" + pluginId + "' is already registered; bundle " + plugins.get(i).bundleName()
          + " was refused, bundle " + winner.bundleName() + " keeps it");
    }
    modules.forEach((moduleId, list) -> {
      for (int i = 1; i < list.size(); i++) {
        out.add("Module '" + moduleId + "' for plugin '" + pluginId + "' is already registered; bundle "
            + list.get(i).bundleName() + " was refused, bundle " + list.get(0).bundleName() + " keeps it");
      }
    });
    if (!out.equals(refusedDuplicates)) {
      out.stream().filter(m -> !refusedDuplicates.contains(m)).forEach(m -> host.logger().error(m));
    }
    return List.copyOf(out);
  }

  // ---- state as data ----

  private record Snapshot(List<DeclaredFeature> expected, Map<String, Contribution> present, Map<String, DeclaredFeature> missing) {}

  private void publishSnapshot() {
    Map<String, Contribution> present = chosenModules();
    snapshot = new Snapshot(List.copyOf(expectedModules.values()), present, missingModules(present));
  }

  boolean isEmpty() {
    return plugins.isEmpty() && modules.isEmpty() && expectedModules.isEmpty() && expectedPlugins.isEmpty();
  }

  boolean hasPlugin() {
    return !plugins.isEmpty() || !expectedPlugins.isEmpty();
  }

  PluginDTO toDTO() {
    Snapshot s = snapshot;
    PluginRun run = lastRun;
    FeatureState current = state;
    boolean pluginPresent = runningBundle != null && (current == FeatureState.RUNNING || current == FeatureState.FAILED
        || current == FeatureState.STARTING || current == FeatureState.STOPPING);
    List<ModuleDTO> moduleDTOs = new ArrayList<>();
    Set<String> listed = new LinkedHashSet<>();
    if (run != null && current != FeatureState.STOPPED && current != FeatureState.WAITING_FOR_MODULES) {
      for (PluginRun.ModuleRun m : run.modules()) {
        Contribution c = s.present().get(m.moduleId());
        String bundle = c != null ? c.bundleName() : bundleOfExpected(s, m.moduleId());
        FeatureState ms = m.error() == null ? current == FeatureState.STARTING ? FeatureState.STARTING : FeatureState.RUNNING
            : FeatureState.FAILED;
        moduleDTOs.add(new ModuleDTO(pluginId, m.moduleId(), ms, bundle, m.order(),
            m.error() == null ? null : ErrorText.of(m.error()), m.initMillis()));
        listed.add(m.moduleId());
      }
    }
    FeatureState idle = hasPlugin() ? FeatureState.WAITING_FOR_MODULES : FeatureState.IDLE;
    s.present().forEach((moduleId, c) -> {
      if (listed.add(moduleId)) {
        moduleDTOs.add(new ModuleDTO(pluginId, moduleId, current == FeatureState.STARTING ? FeatureState.STARTING : idle,
            c.bundleName(), -1, null, -1));
      }
    });
    s.missing().forEach((moduleId, d) -> {
      if (listed.add(moduleId)) {
        moduleDTOs.add(new ModuleDTO(pluginId, moduleId, FeatureState.WAITING_FOR_MODULES, BundleNames.of(d.bundle()), -1,
            null, -1));
      }
    });
    FeatureState shown = current;
    if (!hasPlugin() && current == FeatureState.STOPPED) {
      shown = FeatureState.IDLE;
    }
    String cause = run != null && run.error() != null && current == FeatureState.FAILED ? ErrorText.of(run.error()) : null;
    return new PluginDTO(pluginId, shown, pluginPresent ? runningBundle : declaredPluginBundle(), moduleDTOs, cause,
        startedAt, readyAt, run == null ? -1 : run.initMillis());
  }

  private String declaredPluginBundle() {
    for (DeclaredFeature d : expectedPlugins.values()) {
      return BundleNames.of(d.bundle());
    }
    return runningBundle;
  }

  private static String bundleOfExpected(Snapshot s, String moduleId) {
    for (DeclaredFeature d : s.expected()) {
      if (Objects.equals(d.moduleId(), moduleId)) {
        return BundleNames.of(d.bundle());
      }
    }
    return null;
  }

  DiagnosisDTO diagnose() {
    PluginDTO dto = toDTO();
    List<Reason> reasons = new ArrayList<>();
    Snapshot s = snapshot;
    if (dto.state() == FeatureState.IDLE) {
      reasons.add(new Reason(ReasonCode.PLUGIN_FEATURE_MISSING, pluginId,
          "No bundle provides plugin '" + pluginId + "'; its modules are idle"));
    }
    if (dto.state() == FeatureState.WAITING_FOR_MODULES && plugins.isEmpty()) {
      declaredPluginBundleReason(reasons);
    }
    if (dto.state() != FeatureState.IDLE && dto.state() != FeatureState.STOPPED) {
      // also while the plugin runs: a module bundle that started later is awaited before the
      // restart (modules that already timed out are reported below, not as waiting)
      Map<String, String> alreadyTimedOut = dto.state() == FeatureState.WAITING_FOR_MODULES ? Map.of() : timedOutModules;
      long since = waitingSince;
      s.missing().forEach((moduleId, d) -> {
        if (alreadyTimedOut.containsKey(moduleId)) {
          return;
        }
        reasons.add(new Reason(ReasonCode.WAITING_FOR_MODULE, BundleNames.of(d.bundle()),
            "Waiting for module '" + moduleId + "' of bundle " + BundleNames.of(d.bundle())
                + " to register its BackendFeature service" + (since > 0
                    ? " (waiting " + (System.currentTimeMillis() - since) + " ms of " + host.moduleTimeoutMillis() + " ms)"
                    : "")));
      });
    }
    timedOutModules.forEach((moduleId, message) -> reasons.add(new Reason(ReasonCode.MODULE_TIMED_OUT, moduleId, message)));
    PluginRun run = lastRun;
    if (run != null) {
      for (PluginRun.ModuleRun m : run.modules()) {
        if (m.error() != null && !timedOutModules.containsKey(m.moduleId())) {
          reasons.add(new Reason(ReasonCode.MODULE_FAILED, m.moduleId(), ErrorText.of(m.error())));
        }
      }
      if (run.error() != null && dto.state() == FeatureState.FAILED) {
        reasons.add(new Reason(ReasonCode.PLUGIN_FAILED, pluginId, ErrorText.of(run.error())));
      }
    }
    for (String dup : refusedDuplicates) {
      reasons.add(new Reason(dup.startsWith("Plugin") ? ReasonCode.DUPLICATE_PLUGIN : ReasonCode.DUPLICATE_MODULE,
          pluginId, dup));
    }
    invalidCapabilities.values().forEach(m -> reasons.add(new Reason(ReasonCode.INVALID_CAPABILITY, pluginId, m)));
    if (reasons.isEmpty() && dto.state() == FeatureState.RUNNING) {
      reasons.add(new Reason(ReasonCode.RUNNING, pluginId, "Plugin '" + pluginId + "' is running with "
          + dto.modules().size() + " module(s)"));
    }
    return new DiagnosisDTO(pluginId, dto.state(), reasons);
  }

  private void declaredPluginBundleReason(List<Reason> reasons) {
    for (DeclaredFeature d : expectedPlugins.values()) {
      reasons.add(new Reason(ReasonCode.PLUGIN_FEATURE_MISSING, BundleNames.of(d.bundle()),
          "Bundle " + BundleNames.of(d.bundle()) + " declares plugin '" + pluginId
              + "' but has not registered its BackendFeature service yet"));
    }
  }
}
