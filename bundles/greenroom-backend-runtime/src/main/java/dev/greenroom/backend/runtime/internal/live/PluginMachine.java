package dev.greenroom.backend.runtime.internal.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The life of one plugin id, as a state machine over explicit inputs: bundles declaring modules,
 * feature services registering and leaving, restarts asked for, runs finishing or timing out, the
 * framework stopping. It decides when to start, stop and restart the plugin and with which
 * modules (docs/runtime.md, "How a plugin comes up in Felix" and "Plugin states"); the {@link MachineHost} carries the decisions out.
 *
 * <p>Not thread-safe on purpose: every input comes through one queue per plugin (the OSGi layer's
 * {@code SerialExecutor}; the unit tests call it directly). Readers use {@link #snapshot()}.
 *
 * <p>The rules it keeps (docs/runtime.md, "Plugin states"):
 *
 * <ul>
 *   <li>The plugin never starts while a module declared by an installed bundle has neither
 *       registered nor timed out ({@code moduleTimeoutMillis}).
 *   <li>A change of the module set restarts the plugin exactly once: if a module it runs with
 *       leaves, the run stops at once and the next start waits for the module's declared
 *       replacement; if a new module is awaited while the plugin runs, the plugin keeps running
 *       until the module registers (or times out), then restarts.
 *   <li>Of two contributions with one id the one with the highest ranking, then lowest service id
 *       is used; the other is shadowed and reported once.
 *   <li>An init that does not finish within {@code initTimeoutMillis} fails the run; the next
 *       change of the module set (removing the hung module) starts it again.
 * </ul>
 */
public final class PluginMachine {
  private final String pluginId;
  private final MachineHost host;
  private final MachineClock clock;
  private final long moduleTimeoutMillis;
  private final java.util.function.LongSupplier initTimeout;

  private final Map<String, Declaration> declarations = new LinkedHashMap<>();
  private final List<Contribution> contributions = new ArrayList<>();
  private final Set<String> reportedProblems = new HashSet<>();
  /** Declarations (by key) whose wait already expired: reported as timed out, never waited for again. */
  private final Set<String> expired = new HashSet<>();
  private final List<Consumer<Boolean>> restartWaiters = new ArrayList<>();

  private PluginState state = PluginState.STOPPED;
  private boolean rootReady;
  private boolean halted;
  private boolean restartRequested;
  private long nextRunId = 1;

  private RunPlan run;
  private PluginRun result;
  private boolean runStopping;
  private long startedAt = -1;
  private long readyAt = -1;
  private Runnable cancelInitTimer;
  private long runInitTimeout;

  private Runnable cancelWaitTimer;
  private final long settleMillis;
  private long lastChangeAt = Long.MIN_VALUE / 2;
  /** The plugin ran and stopped; its next start is a restart, which may wait for quiet. */
  private boolean restarting;
  /** A bundle was updated and the framework has not refreshed since: the update is not over yet. */
  private boolean refreshPending;
  private Runnable cancelSettleTimer;
  private long settleToken;
  private long waitToken;
  private long waitingSince = -1;
  private boolean waitExpired;
  private String failure;
  private List<String> shadows = List.of();

  private volatile PluginSnapshot snapshot;

  public PluginMachine(String pluginId, MachineHost host, MachineClock clock, long moduleTimeoutMillis,
      long initTimeoutMillis) {
    this(pluginId, host, clock, moduleTimeoutMillis, () -> initTimeoutMillis, 0);
  }

  /**
   * {@code initTimeout} is read at each start (it comes from config, known once root services are
   * up); 0 = none. {@code settleMillis}: how long the feature services must be quiet before a
   * restart; 0 = restart at once.
   */
  public PluginMachine(String pluginId, MachineHost host, MachineClock clock, long moduleTimeoutMillis,
      java.util.function.LongSupplier initTimeout, long settleMillis) {
    this.pluginId = pluginId;
    this.host = host;
    this.clock = clock;
    this.moduleTimeoutMillis = moduleTimeoutMillis;
    this.initTimeout = initTimeout;
    this.settleMillis = settleMillis;
    publish();
  }

  public String pluginId() {
    return pluginId;
  }

  public PluginState state() {
    return state;
  }

  public PluginSnapshot snapshot() {
    return snapshot;
  }

  // ---- inputs ----

  /** Root services are up: starts may begin. */
  public void rootReady() {
    rootReady = true;
    evaluate();
  }

  /** A bundle declares (or re-declares, with a new problem) a plugin or module of this plugin. */
  public void declared(Declaration d) {
    declarations.put(d.key(), d);
    evaluate();
  }

  /** A bundle no longer declares anything (uninstalled, or stopped for good). */
  public void withdrawn(long bundleId) {
    expired.removeIf(key -> key.startsWith(bundleId + "/"));
    if (declarations.values().removeIf(d -> d.bundleId() == bundleId)) {
      evaluate();
    }
  }

  /**
   * A bundle was updated and the framework's refresh has not come yet ({@code true}), or it came
   * ({@code false}). OSGi's update is two steps, update then refresh, and FileInstall does both
   * (docs/runtime.md, "Restarts"): between them the updated bundle may already run (the launcher
   * sets its start level again at the update, and the framework starts it) only for the refresh
   * to stop and start it once more.
   */
  public void refreshPending(boolean pending) {
    if (refreshPending == pending) {
      return;
    }
    refreshPending = pending;
    if (!pending) {
      evaluate();
    }
  }

  /** A feature service registered. */
  public void registered(Contribution c) {
    contributions.add(c);
    lastChangeAt = clock.millis();
    evaluate();
  }

  /** A feature service left. */
  public void unregistered(long serviceId) {
    if (contributions.removeIf(c -> c.serviceId() == serviceId)) {
      lastChangeAt = clock.millis();
      evaluate();
    }
  }

  /**
   * Stop and start again with the modules present now (a config change, {@code greenroom:restart}).
   * {@code whenDone} gets true once the new run has finished, false at once if there is nothing to
   * start or the machine is halted.
   */
  public void restartRequested(Consumer<Boolean> whenDone) {
    if (!rootReady || halted || winner(null) == null) {
      whenDone.accept(false);
      return;
    }
    restartRequested = true;
    restartWaiters.add(whenDone);
    evaluate();
  }

  /** The host finished a run's init. Results of runs the machine gave up on are ignored. */
  public void runFinished(long runId, PluginRun finished) {
    if (!isStarting(runId)) {
      return;
    }
    cancel(cancelInitTimer);
    finishRun(finished);
  }

  /** The init timeout of a run elapsed. */
  public void initTimedOut(long runId) {
    if (!isStarting(runId)) {
      return;
    }
    finishRun(host.abandonRun(run, runInitTimeout));
  }

  /** The host finished stopping a run. */
  public void stopFinished(long runId) {
    if (run == null || run.runId() != runId || !runStopping) {
      return;
    }
    run = null;
    runStopping = false;
    restarting = true;
    try {
      step(); // straight on to the next start or wait: no STOPPED in between, requests stay held
      if (state == PluginState.STOPPING) {
        setState(PluginState.STOPPED, "stopped");
      }
    } finally {
      publish();
    }
  }

  /** The wait for declared features elapsed ({@code token} names the wait). */
  public void waitTimedOut(long token) {
    if (token != waitToken || cancelWaitTimer == null) {
      return;
    }
    cancelWaitTimer = null;
    if (host.launchStillStarting()) {
      // a launch batch (hundreds of bundles in deploy/) is still on its way to the declared bundle
      armWait();
      return;
    }
    waitExpired = true;
    evaluate();
  }

  /** The framework or the runtime is stopping: no more starts; the runtime stops runs itself. */
  public void halt() {
    halted = true;
    cancel(cancelInitTimer);
    cancel(cancelSettleTimer);
    cancelWait();
    restartWaiters.forEach(w -> w.accept(false));
    restartWaiters.clear();
    publish();
  }

  // ---- decisions ----

  private void evaluate() {
    try {
      step();
    } finally {
      publish();
    }
  }

  private void step() {
    shadows = reportShadows();
    if (!rootReady || halted || (run != null && (runStopping || state == PluginState.STARTING))) {
      return;
    }
    Contribution plugin = winner(null);
    if (plugin == null) {
      noPlugin();
      return;
    }
    List<Contribution> modules = chosenModules();
    Map<String, Declaration> awaited = awaited(modules);
    if (run != null) {
      runningChanged(plugin, modules, awaited);
      return;
    }
    Map<String, Declaration> blocking = blocking(awaited);
    if (!blocking.isEmpty() && !waitExpired) {
      setState(PluginState.WAITING_FOR_MODULES, "waiting for module(s) " + quoted(blocking.keySet()));
      armWait();
      return;
    }
    if (restarting && settling()) {
      return;
    }
    start(plugin, modules, awaited);
  }

  /**
   * A restart waits for what it knows is still coming: modules whose bundles declare them (the
   * {@code blocking} wait above) and the refresh of an updated bundle. Only then does it wait for the
   * feature services to be quiet for {@code settleMillis}: while a refresh is pending (bounded, since
   * a shell's {@code update} without {@code refresh} never sends one), or while the plugin has a
   * feature that no bundle declares, whose comings and goings nothing announces. Before, every
   * restart waited the full quiet period, a quarter of a second of every hot deploy (issue 15).
   */
  private boolean settling() {
    long quietFor = clock.millis() - lastChangeAt;
    if (settleMillis <= 0 || quietFor >= settleMillis || !(refreshPending || hasUndeclaredFeature())) {
      cancel(cancelSettleTimer);
      cancelSettleTimer = null;
      return false;
    }
    setState(PluginState.WAITING_FOR_MODULES, "waiting for its modules to settle");
    cancel(cancelSettleTimer);
    long token = ++settleToken;
    cancelSettleTimer = clock.schedule(settleMillis - quietFor, () -> settled(token));
    return true;
  }

  /** A feature service of this plugin that no installed bundle declares (registered by code, not by a bundle's manifest). */
  private boolean hasUndeclaredFeature() {
    return contributions.stream()
        .anyMatch(c -> !declarations.containsKey(Declaration.key(c.bundleId(), c.moduleId())));
  }

  /** The settle timer elapsed ({@code token} names it). */
  public void settled(long token) {
    if (token != settleToken) {
      return;
    }
    cancelSettleTimer = null;
    evaluate();
  }

  private void noPlugin() {
    if (run != null) {
      stop("its plugin feature left");
      return;
    }
    Declaration declaredPlugin = declarations.values().stream().filter(d -> !d.isModule()).findFirst().orElse(null);
    if (declaredPlugin == null) {
      cancelWait();
      failure = null;
      boolean modulesPresent = contributions.stream().anyMatch(Contribution::isModule)
          || declarations.values().stream().anyMatch(Declaration::isModule);
      setState(modulesPresent ? PluginState.IDLE : PluginState.STOPPED, modulesPresent ? "no plugin provides it" : "gone");
      return;
    }
    if (!waitExpired) {
      setState(PluginState.WAITING_FOR_MODULES, "waiting for bundle " + declaredPlugin.bundleName());
      armWait();
      return;
    }
    if (failure == null) {
      failure = Messages.pluginNeverRegistered(pluginId, declaredPlugin, moduleTimeoutMillis);
      PluginRun failed = new PluginRun(pluginId, new IllegalStateException(failure), 0, List.of());
      result = failed;
      setState(PluginState.FAILED, failure);
      host.runReported(failed);
    }
  }

  private void runningChanged(Contribution plugin, List<Contribution> modules, Map<String, Declaration> awaited) {
    boolean codeLeft = !contributions.contains(run.plugin())
        || run.modules().stream().anyMatch(m -> !contributions.contains(m));
    if (codeLeft || !run.plugin().equals(plugin)) {
      // the run uses code that is going away: stop now, start once the replacement is there
      stop(codeLeft ? "a feature it runs with left" : "another bundle provides it now");
      return;
    }
    forgetWithdrawnTimeouts();
    Map<String, Declaration> newlyAwaited = blocking(awaited);
    newlyAwaited.keySet().removeAll(run.timedOutModules().keySet());
    if (!newlyAwaited.isEmpty()) {
      if (!waitExpired) {
        armWait(); // keep running until the arriving module registers: one restart, not two
        return;
      }
      // the arriving module never registered: record it on the run, no restart for nothing
      Map<String, String> timedOut = new LinkedHashMap<>(run.timedOutModules());
      List<PluginRun.ModuleRun> moduleRuns = result == null ? new ArrayList<>() : new ArrayList<>(result.modules());
      newlyAwaited.forEach((id, d) -> {
        String message = Messages.moduleNeverRegistered(pluginId, d, moduleTimeoutMillis);
        timedOut.put(id, message);
        expired.add(d.key());
        moduleRuns.add(new PluginRun.ModuleRun(id, new IllegalStateException(message), moduleRuns.size(), 0));
        reportOnce(message);
      });
      run = new RunPlan(run.runId(), run.plugin(), run.modules(), timedOut);
      if (result != null) {
        result = new PluginRun(result.pluginId(), result.error(), result.initMillis(), moduleRuns);
      }
      cancelWait();
    }
    boolean sameModules = run.modules().equals(modules);
    if (sameModules && !restartRequested) {
      cancelWait();
      return;
    }
    stop(restartRequested ? "restart requested" : "its modules changed");
  }

  private void start(Contribution plugin, List<Contribution> modules, Map<String, Declaration> timedOut) {
    cancelWait();
    restarting = false;
    restartRequested = false;
    failure = null;
    Map<String, String> timedOutMessages = new LinkedHashMap<>();
    timedOut.forEach((id, d) -> {
      String message = Messages.moduleNeverRegistered(pluginId, d, moduleTimeoutMillis);
      timedOutMessages.put(id, message);
      expired.add(d.key());
      reportOnce(message);
    });
    run = new RunPlan(nextRunId++, plugin, modules, timedOutMessages);
    result = null;
    startedAt = clock.millis();
    readyAt = -1;
    setState(PluginState.STARTING, "starting with " + modules.size() + " module(s)");
    long runId = run.runId();
    runInitTimeout = initTimeout.getAsLong();
    cancelInitTimer = runInitTimeout > 0 ? clock.schedule(runInitTimeout, () -> initTimedOut(runId)) : null;
    publish(); // the run's bundles must be readable before it starts: extension points are published on their behalf
    host.startRun(run);
  }

  private void finishRun(PluginRun finished) {
    cancelInitTimer = null;
    result = withTimedOutModules(finished);
    readyAt = clock.millis();
    setState(result.error() == null ? PluginState.RUNNING : PluginState.FAILED,
        result.error() == null ? "init finished" : Messages.summary(result));
    host.runReported(result);
    restartWaiters.forEach(w -> w.accept(true));
    restartWaiters.clear();
    evaluate(); // changes that arrived while it started take effect now
  }

  private void stop(String why) {
    runStopping = true;
    cancel(cancelInitTimer);
    cancelInitTimer = null;
    setState(PluginState.STOPPING, why);
    host.stopRun(pluginId, run.runId());
  }

  // ---- helpers ----

  private boolean isStarting(long runId) {
    return run != null && run.runId() == runId && !runStopping && state == PluginState.STARTING;
  }

  private PluginRun withTimedOutModules(PluginRun finished) {
    if (run.timedOutModules().isEmpty()) {
      return finished;
    }
    List<PluginRun.ModuleRun> modules = new ArrayList<>(finished.modules());
    int order = modules.size();
    for (Map.Entry<String, String> t : run.timedOutModules().entrySet()) {
      modules.add(new PluginRun.ModuleRun(t.getKey(), new IllegalStateException(t.getValue()), order++, 0));
    }
    return new PluginRun(finished.pluginId(), finished.error(), finished.initMillis(), modules);
  }

  /** The contribution used for the plugin ({@code moduleId} null) or a module. */
  private Contribution winner(String moduleId) {
    return contributions.stream()
        .filter(c -> Objects.equals(c.moduleId(), moduleId))
        .min(Contribution.PREFERRED)
        .orElse(null);
  }

  private List<Contribution> chosenModules() {
    Map<String, Contribution> byId = new LinkedHashMap<>();
    contributions.stream().filter(Contribution::isModule).sorted(Contribution.PREFERRED)
        .forEach(c -> byId.putIfAbsent(c.moduleId(), c));
    List<Contribution> chosen = new ArrayList<>(byId.values());
    chosen.sort(Contribution.REGISTRATION_ORDER);
    return chosen;
  }

  private Map<String, Declaration> awaited(List<Contribution> modules) {
    Set<String> present = new HashSet<>();
    modules.forEach(m -> present.add(m.moduleId()));
    Map<String, Declaration> awaited = new LinkedHashMap<>();
    declarations.values().stream()
        .filter(Declaration::isModule)
        .sorted(Comparator.comparingLong(Declaration::bundleId))
        .filter(d -> !present.contains(d.moduleId()))
        .forEach(d -> awaited.putIfAbsent(d.moduleId(), d));
    return awaited;
  }

  /**
   * A module that timed out and whose bundle has since gone is no longer part of the plugin's
   * story: dropped from the run's record, no restart (nothing the plugin runs with changed).
   */
  private void forgetWithdrawnTimeouts() {
    Set<String> declaredModules = new HashSet<>();
    declarations.values().stream().filter(Declaration::isModule).forEach(d -> declaredModules.add(d.moduleId()));
    Set<String> gone = new HashSet<>(run.timedOutModules().keySet());
    gone.removeAll(declaredModules);
    if (gone.isEmpty()) {
      return;
    }
    Map<String, String> timedOut = new LinkedHashMap<>(run.timedOutModules());
    timedOut.keySet().removeAll(gone);
    run = new RunPlan(run.runId(), run.plugin(), run.modules(), timedOut);
    if (result != null) {
      List<PluginRun.ModuleRun> kept = result.modules().stream().filter(m -> !gone.contains(m.moduleId())).toList();
      result = new PluginRun(result.pluginId(), result.error(), result.initMillis(), kept);
    }
  }

  /** The awaited modules worth waiting for: those whose wait has not expired before. */
  private Map<String, Declaration> blocking(Map<String, Declaration> awaited) {
    Map<String, Declaration> blocking = new LinkedHashMap<>(awaited);
    blocking.values().removeIf(d -> expired.contains(d.key()));
    return blocking;
  }

  private List<String> reportShadows() {
    List<String> out = new ArrayList<>();
    Map<String, List<Contribution>> byId = new LinkedHashMap<>();
    contributions.forEach(c -> byId.computeIfAbsent(c.moduleId() == null ? "" : c.moduleId(), k -> new ArrayList<>()).add(c));
    byId.forEach((id, list) -> {
      list.sort(Contribution.PREFERRED);
      for (int i = 1; i < list.size(); i++) {
        out.add(Messages.shadowed(list.get(0), list.get(i)));
      }
    });
    out.forEach(this::reportOnce);
    return out;
  }

  private void reportOnce(String message) {
    if (reportedProblems.add(message)) {
      host.problem(pluginId, message);
    }
  }

  private void armWait() {
    if (waitingSince < 0) {
      waitingSince = clock.millis();
    }
    if (cancelWaitTimer == null && !waitExpired) {
      long token = ++waitToken;
      cancelWaitTimer = clock.schedule(moduleTimeoutMillis, () -> waitTimedOut(token));
    }
  }

  private void cancelWait() {
    cancel(cancelWaitTimer);
    cancelWaitTimer = null;
    waitExpired = false;
    waitingSince = -1;
    waitToken++;
  }

  private static void cancel(Runnable cancel) {
    if (cancel != null) {
      cancel.run();
    }
  }

  private void setState(PluginState next, String reason) {
    PluginState previous = state;
    state = next;
    if (previous != next) {
      host.stateChanged(pluginId, previous, next, reason);
    }
  }

  private static String quoted(Set<String> ids) {
    return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
  }

  private void publish() {
    List<Contribution> modules = chosenModules();
    snapshot = new PluginSnapshot(pluginId, state, List.copyOf(declarations.values()), winner(null), modules,
        awaited(modules), waitingSince, run, result, startedAt, readyAt, shadows, failure, moduleTimeoutMillis);
  }
}
