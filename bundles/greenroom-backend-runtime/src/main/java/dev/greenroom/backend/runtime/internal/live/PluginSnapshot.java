package dev.greenroom.backend.runtime.internal.live;

import java.util.List;
import java.util.Map;

/**
 * What a {@link PluginMachine} knows, frozen after each input: read by any thread to build DTOs
 * and diagnoses ({@link PluginViews}) without touching the machine.
 *
 * @param plugin the plugin contribution in use or to be used, or null
 * @param modules the module contributions that would run now, in registration order
 * @param awaited declared modules (by id) that have not registered
 * @param run the current or last run's plan, or null
 * @param result the current or last run's result, or null while it starts
 * @param shadows one message per refused duplicate
 */
public record PluginSnapshot(
    String pluginId,
    PluginState state,
    List<Declaration> declarations,
    Contribution plugin,
    List<Contribution> modules,
    Map<String, Declaration> awaited,
    long waitingSince,
    RunPlan run,
    PluginRun result,
    long startedAt,
    long readyAt,
    List<String> shadows,
    String failure,
    long moduleTimeoutMillis) {
  public PluginSnapshot {
    declarations = List.copyOf(declarations);
    modules = List.copyOf(modules);
    awaited = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(awaited));
    shadows = List.copyOf(shadows);
  }

  /** Whether anything of the plugin exists: a contribution or a declaration. */
  public boolean isEmpty() {
    return plugin == null && modules.isEmpty() && declarations.isEmpty() && run == null;
  }

  public boolean hasPlugin() {
    return plugin != null || declarations.stream().anyMatch(d -> !d.isModule());
  }
}
