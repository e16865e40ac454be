package dev.greenroom.http.internal.osgi;

import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.http.standalone.PluginStarts;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Start-pending from the runtime's plugin states: FAILED, STOPPED and IDLE have no start coming;
 * every other state (STARTING, WAITING_FOR_MODULES, STOPPING, RUNNING before the startup hooks, and
 * any state a later runtime adds) counts as pending, as does a plugin or runtime that is not
 * there: those holds are bounded by the pause timeout.
 */
final class RuntimePluginStarts implements PluginStarts {
  private final Supplier<GreenroomRuntime> runtime;

  RuntimePluginStarts(Supplier<GreenroomRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Optional<String> noStartPending(String pluginId) {
    GreenroomRuntime r = runtime.get();
    if (r == null) {
      return Optional.empty();
    }
    Optional<PluginDTO> plugin = r.plugin(pluginId);
    return plugin.flatMap(RuntimePluginStarts::why);
  }

  /** Matched by name, not by enum constant: a state the runtime adds later is "pending". */
  static Optional<String> why(PluginDTO plugin) {
    return switch (plugin.state().name()) {
      case "FAILED" -> Optional.of(plugin.cause() == null ? "it failed" : "it failed: " + plugin.cause());
      case "STOPPED" -> Optional.of("it is stopped");
      case "IDLE" -> Optional.of("it is not installed (idle)");
      default -> Optional.empty();
    };
  }
}
