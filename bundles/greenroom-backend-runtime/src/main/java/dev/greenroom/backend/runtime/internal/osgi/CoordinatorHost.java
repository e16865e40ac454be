package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.internal.live.LiveBackend;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import java.util.concurrent.ScheduledExecutorService;

/** What a {@link PluginCoordinator} needs from the runtime around it. */
interface CoordinatorHost {
  LiveBackend backend();

  /** How long a plugin waits for an expected module (or a declared plugin for its feature). */
  long moduleTimeoutMillis();

  ScheduledExecutorService timer();

  LoggerService logger();

  /** A (re)start finished. */
  void onRun(PluginCoordinator coordinator, PluginRun run);

  /** The plugin stopped (it will not serve until the next run). */
  void onStopped(String pluginId);

  /**
   * The framework is shutting down: bundles stop one by one, and restarting a plugin each time
   * one of its modules goes would only waste the shutdown. The runtime stops every plugin in order
   * when its own bundle stops.
   */
  default boolean frameworkStopping() {
    return false;
  }
}
