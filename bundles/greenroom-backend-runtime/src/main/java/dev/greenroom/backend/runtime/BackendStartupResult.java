package dev.greenroom.backend.runtime;

import java.time.Instant;
import java.util.List;

/**
 * What {@link Backend#start()} produced. {@code outcome} is {@code failure} iff at least one
 * failure is not allowed. Plugins are in the order their results arrived; modules in completion
 * order.
 */
public record BackendStartupResult(
    Instant beginAt, Instant resultAt, Outcome outcome, List<PluginStartupResult> plugins) {
  public BackendStartupResult {
    plugins = List.copyOf(plugins);
  }

  /** success or failure. */
  public enum Outcome {
    SUCCESS,
    FAILURE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One plugin's result; {@code failure} is null on success. */
  public record PluginStartupResult(
      String pluginId, Instant resultAt, List<ModuleStartupResult> modules, StartupFailure failure) {
    public PluginStartupResult {
      modules = List.copyOf(modules);
    }
  }

  /** One module's result; {@code failure} is null on success. */
  public record ModuleStartupResult(String moduleId, Instant resultAt, StartupFailure failure) {}

  /** The original error, and whether {@code backend.startup} permits it. */
  public record StartupFailure(Throwable error, boolean allowed) {}
}
