package dev.greenroom.http.standalone;

import java.util.Map;

/**
 * Each plugin's live state for the readiness body, {@code pluginId -> state} (for example {@code
 * running}). In OSGi it comes from the runtime's {@code GreenroomRuntime}; plain Java has none.
 */
@FunctionalInterface
public interface PluginStates {
  PluginStates NONE = Map::of;

  Map<String, String> states();
}
