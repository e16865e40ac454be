package dev.greenroom.backend.runtime.internal.live;

/**
 * What a {@link PluginMachine} asks of the world. Start and stop are asynchronous: the host
 * reports back with {@link PluginMachine#runFinished} and {@link PluginMachine#stopFinished},
 * through the same queue as every other input, so a hung init never blocks the machine.
 */
public interface MachineHost {
  /** Begins the run's init (modules, then the plugin) on another thread. */
  void startRun(RunPlan plan);

  /** Begins stopping the run (shutdown hooks, extension points and instances withdrawn). */
  void stopRun(String pluginId, long runId);

  /**
   * The run's init did not finish within the init timeout: give up on it (interrupt it) and say
   * what is known — which modules finished, which one hangs.
   */
  PluginRun abandonRun(RunPlan plan, long timeoutMillis);

  /** The state changed: one log line, readiness markers, request holds. */
  void stateChanged(String pluginId, PluginState from, PluginState to, String reason);

  /** A run finished (or failed, or timed out): its result, for the startup result and the log. */
  void runReported(PluginRun run);

  /** A problem to show once (a shadowed duplicate, a module that never registered). */
  void problem(String pluginId, String message);

  /**
   * Whether the launch is still installing or starting a batch of bundles (a full deploy folder):
   * a declared bundle may simply not have had its turn yet, so the wait for declared features does
   * not expire meanwhile (it is armed again for a further timeout). The host bounds how long a
   * launch may say so. False by default.
   */
  default boolean launchStillStarting() {
    return false;
  }
}
