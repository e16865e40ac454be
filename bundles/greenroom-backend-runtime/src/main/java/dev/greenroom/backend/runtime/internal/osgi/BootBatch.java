package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import dev.greenroom.backend.runtime.internal.wiring.BootFailurePolicy;
import dev.greenroom.backend.runtime.internal.wiring.StartupResultCollector;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A set of plugins started together (the initial boot, or one late plugin): logs Backstage's
 * initialization lines and builds the startup result once every member has reported its first
 * run.
 */
final class BootBatch {
  private final StartupResultCollector collector;
  private final Set<String> pending;
  private final Consumer<BackendStartupResult> onFinished;

  BootBatch(Collection<String> pluginIds, LoggerService logger, BootFailurePolicy policy,
      Consumer<BackendStartupResult> onFinished) {
    this.pending = new LinkedHashSet<>(pluginIds);
    this.collector = new StartupResultCollector(pluginIds, logger, policy);
    this.onFinished = onFinished;
    if (pending.isEmpty()) {
      finish();
    }
  }

  /** Records {@code run} if its plugin is still pending here; returns whether it was. */
  synchronized boolean report(PluginRun run) {
    if (!pending.remove(run.pluginId())) {
      return false;
    }
    for (PluginRun.ModuleRun m : run.modules()) {
      collector.onPluginModuleResult(run.pluginId(), m.moduleId(), m.error());
    }
    collector.onPluginResult(run.pluginId(), run.error());
    if (pending.isEmpty()) {
      finish();
    }
    return true;
  }

  private void finish() {
    onFinished.accept(collector.finish());
  }
}
