package dev.greenroom.backend.runtime.internal.live;

import java.util.List;
import java.util.Map;

/**
 * One start of a plugin as the machine decided it: the plugin's feature, its modules in
 * registration order, and the declared modules that did not register in time (they do not run,
 * and their timeout is part of the run's result).
 */
public record RunPlan(long runId, Contribution plugin, List<Contribution> modules, Map<String, String> timedOutModules) {
  public RunPlan {
    modules = List.copyOf(modules);
    // in the order they were declared: they are reported (and listed) in that order
    timedOutModules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timedOutModules));
  }

  public String pluginId() {
    return plugin.pluginId();
  }
}
