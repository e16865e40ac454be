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
  /** Touched on the queue only. */
  private final List<Waiter> waiters = new ArrayList<>();
  /** The runtime is stopping: it stops every plugin itself, nobody waits for a machine. */
  private volatile boolean halted;

  PluginCoordinator(String pluginId, MachineHost host, TimerClock timer, SerialExecutor queue, long moduleTimeoutMillis,
      LongSupplier initTimeoutMillis, long restartSettleMillis, BooleanSupplier frameworkStopping) {
    this.pluginId = pluginId;
    this.queue = queue;
    this.frameworkStopping = frameworkStopping;
    this.machine = new PluginMachine(pluginId, host, timer.on(queue), moduleTimeoutMillis, initTimeoutMillis,
        restartSettleMillis);
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

  /**
   * A feature service left: its bundle is stopping. Returns once the run that used it has stopped
   * (bounded by {@code waitMillis}), so none of the leaving bundle's code — a scheduled task, a
   * handler — runs after its bundle stopped, as OSGi expects of a service's consumer.
   */
  void featureRemoved(long serviceId, long waitMillis) {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    frameworkEvent(() -> {
      machine.unregistered(serviceId);
      waiters.add(new Waiter(() -> !uses(machine.snapshot(), serviceId), stopped));
    });
    if (halted || frameworkStopping.getAsBoolean()) {
      return; // the runtime stops every plugin itself; nothing restarts
    }
    try {
      stopped.get(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // a shutdown hook that hangs: the bundle goes on stopping; the machine still finishes the stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // never completed exceptionally
    }
  }

  private static boolean uses(PluginSnapshot s, long serviceId) {
    RunPlan run = s.run();
    return run != null && (run.plugin().serviceId() == serviceId
        || run.modules().stream().anyMatch(m -> m.serviceId() == serviceId));
  }

  /** Completes {@code done} once {@code condition} holds after some input. */
  private record Waiter(java.util.function.BooleanSupplier condition, CompletableFuture<Void> done) {}

  private void checkWaiters() {
    waiters.removeIf(w -> {
      if (halted || w.condition().getAsBoolean()
          || machine.snapshot().state() == dev.greenroom.backend.runtime.internal.live.PluginState.STOPPED) {
        w.done().complete(null);
        return true;
      }
      return false;
    });
  }

  void declared(Declaration d) {
    frameworkEvent(() -> machine.declared(d));
  }

  void refreshPending(boolean pending) {
    frameworkEvent(() -> machine.refreshPending(pending));
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
      checkWaiters();
    });
  }

  void invalidCapability(long bundleId, String message) {
    invalidCapabilities.put(bundleId, message);
  }

  void runFinished(long runId, PluginRun run) {
    queue.execute(() -> {
      machine.runFinished(runId, run);
      checkWaiters();
    });
  }

  void stopFinished(long runId) {
    queue.execute(() -> {
      machine.stopFinished(runId);
      checkWaiters();
    });
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
    halted = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.execute(() -> {
      machine.halt();
      waiters.forEach(w -> w.done().complete(null));
      waiters.clear();
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
