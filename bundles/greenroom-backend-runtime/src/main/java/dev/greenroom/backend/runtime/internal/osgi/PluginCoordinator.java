package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.runtime.internal.live.Contribution;
import dev.greenroom.backend.runtime.internal.live.Declaration;
import dev.greenroom.backend.runtime.internal.live.MachineClock;
import dev.greenroom.backend.runtime.internal.live.MachineHost;
import dev.greenroom.backend.runtime.internal.live.PluginMachine;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import dev.greenroom.backend.runtime.internal.live.PluginSnapshot;
import dev.greenroom.backend.runtime.internal.live.PluginViews;
import dev.greenroom.backend.runtime.internal.live.RunPlan;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One plugin id's {@link PluginMachine} and the queue that feeds it: framework events (feature
 * services, bundle declarations), timers and run completions become the machine's inputs, one at
 * a time, in order. Nothing here decides anything; the machine does.
 */
final class PluginCoordinator {
  private final String pluginId;
  private final SerialExecutor queue;
  private final PluginMachine machine;
  private final BooleanSupplier frameworkStopping;
  private final Map<Long, String> invalidCapabilities = new ConcurrentHashMap<>();

  PluginCoordinator(String pluginId, MachineHost host, TimerClock timer, SerialExecutor queue, long moduleTimeoutMillis,
      LongSupplier initTimeoutMillis, BooleanSupplier frameworkStopping) {
    this.pluginId = pluginId;
    this.queue = queue;
    this.frameworkStopping = frameworkStopping;
    this.machine = new PluginMachine(pluginId, host, timer.on(queue), moduleTimeoutMillis, initTimeoutMillis);
  }

  String pluginId() {
    return pluginId;
  }

  PluginSnapshot snapshot() {
    return machine.snapshot();
  }

  /** The bundle id of the plugin ({@code moduleId} null) or module in the current (or last) run; -1 if none. */
  long ownerOf(String moduleId) {
    RunPlan run = machine.snapshot().run();
    if (run == null) {
      return -1;
    }
    if (moduleId == null) {
      return run.plugin().bundleId();
    }
    return run.modules().stream().filter(m -> moduleId.equals(m.moduleId())).mapToLong(Contribution::bundleId)
        .findFirst().orElse(-1);
  }

  // ---- framework events, host completions and timers: each one input, in order ----

  void rootReady() {
    queue.execute(machine::rootReady);
  }

  void featureAdded(Contribution c) {
    frameworkEvent(() -> machine.registered(c));
  }

  void featureRemoved(long serviceId) {
    frameworkEvent(() -> machine.unregistered(serviceId));
  }

  void declared(Declaration d) {
    frameworkEvent(() -> machine.declared(d));
  }

  void undeclared(long bundleId) {
    invalidCapabilities.remove(bundleId);
    frameworkEvent(() -> machine.withdrawn(bundleId));
  }

  /**
   * While the framework stops, bundles leave one by one: restarting the plugin for each would
   * only slow the shutdown, so the machine is halted instead (the runtime stops every plugin when
   * its own bundle stops).
   */
  private void frameworkEvent(Runnable input) {
    queue.execute(() -> {
      if (frameworkStopping.getAsBoolean()) {
        machine.halt();
      } else {
        input.run();
      }
    });
  }

  void invalidCapability(long bundleId, String message) {
    invalidCapabilities.put(bundleId, message);
  }

  void runFinished(long runId, PluginRun run) {
    queue.execute(() -> machine.runFinished(runId, run));
  }

  void stopFinished(long runId) {
    queue.execute(() -> machine.stopFinished(runId));
  }

  /**
   * Stops the plugin and starts it again with the modules present now ({@code greenroom:restart},
   * a change to its config). Completes once the new run finished; false if there is nothing to
   * start or the root is not ready.
   */
  CompletableFuture<Boolean> restart() {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    queue.execute(() -> machine.restartRequested(done::complete));
    return done;
  }

  /** Whether the plugin has run (running or failed) and a config change should restart it. */
  boolean started() {
    return machine.snapshot().run() != null;
  }

  /** No more starts (the runtime is stopping); returns once the machine has taken it. */
  void halt() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.execute(() -> {
      machine.halt();
      done.complete(null);
    });
    done.join();
  }

  // ---- state as data ----

  boolean isEmpty() {
    return machine.snapshot().isEmpty() && invalidCapabilities.isEmpty();
  }

  boolean hasPlugin() {
    return machine.snapshot().hasPlugin();
  }

  PluginDTO toDTO() {
    return PluginViews.toDTO(machine.snapshot());
  }

  DiagnosisDTO diagnose() {
    DiagnosisDTO d = PluginViews.diagnose(machine.snapshot(), System::currentTimeMillis);
    if (invalidCapabilities.isEmpty()) {
      return d;
    }
    List<Reason> reasons = new ArrayList<>(d.reasons());
    reasons.removeIf(r -> r.code() == ReasonCode.RUNNING);
    invalidCapabilities.values().forEach(m -> reasons.add(new Reason(ReasonCode.INVALID_CAPABILITY, pluginId, m)));
    return new DiagnosisDTO(d.pluginId(), d.state(), reasons);
  }

  /** A timer whose tasks run on the plugin's queue, like every other input of its machine. */
  interface TimerClock {
    MachineClock on(SerialExecutor queue);
  }
}
