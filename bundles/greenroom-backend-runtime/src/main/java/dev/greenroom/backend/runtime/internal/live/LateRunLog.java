package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.internal.ErrorText;

/**
 * How a (re)start after the initial boot is logged. Backstage's startup lines ("... waiting for N
 * other plugins to finish before shutting down the process", "Backend startup failed due to ...")
 * describe the one boot of a process; for a live restart they would be wrong, so a failed run is
 * one error line per failing init, and a success is only the state line the machine logs.
 * Modules that never registered are left out: they were reported when their wait ran out.
 */
public final class LateRunLog {
  private LateRunLog() {}

  public static void report(PluginRun run, RunPlan plan, LoggerService logger) {
    for (PluginRun.ModuleRun m : run.modules()) {
      if (m.error() != null && (plan == null || !plan.timedOutModules().containsKey(m.moduleId()))) {
        logger.error("Module '" + m.moduleId() + "' for plugin '" + run.pluginId() + "' failed to start: "
            + ErrorText.of(m.error()), m.error());
      }
    }
    if (run.error() != null) {
      logger.error("Plugin '" + run.pluginId() + "' failed to start: " + ErrorText.of(run.error()), run.error());
    }
  }
}
