package dev.greenroom.backend.runtime.internal.wiring;

/** Receives the results of one plugin's initialization, in the order they become final. */
public interface PluginInitListener {
  /** A module finished; {@code error} null on success. {@code order} is its completion index. */
  void onModuleResult(String pluginId, String moduleId, Throwable error, int order, long millis);

  /** The plugin finished (its init, or the whole run failed); {@code error} null on success. */
  void onPluginResult(String pluginId, Throwable error, long millis);
}
