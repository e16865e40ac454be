package dev.greenroom.backend.runtime.internal.wiring;

/**
 * Receives the results of one plugin's initialization: modules in registration order, then the
 * plugin.
 */
public interface PluginInitListener {
  /** A module finished; {@code error} null on success. {@code order} is its completion index;
   * the calls come in registration order. */
  void onModuleResult(String pluginId, String moduleId, Throwable error, int order, long millis);

  /** The plugin finished (its init, or the whole run failed); {@code error} null on success. */
  void onPluginResult(String pluginId, Throwable error, long millis);

  /**
   * An init is about to be called ({@code moduleId} null for the plugin's): lets a watchdog name
   * the init that hangs.
   */
  default void onInitCalled(String pluginId, String moduleId) {}

  /** An init returned or threw. */
  default void onInitReturned(String pluginId, String moduleId) {}
}
