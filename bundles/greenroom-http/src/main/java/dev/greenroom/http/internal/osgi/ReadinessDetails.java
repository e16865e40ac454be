package dev.greenroom.http.internal.osgi;

import java.util.Map;

/**
 * Why a plugin is not ready, from another part of the backend (its database, say): readiness shows
 * it next to the plugin's state, as in {@code "example": "starting (database unavailable: ...)"}.
 */
public interface ReadinessDetails {
  /** Plugin id to a short reason; only plugins with something to say. */
  Map<String, String> details();

  /** Appends each detail to the plugin's state; a plugin without a state gets the detail alone. */
  static void addTo(Map<String, String> states, Map<String, String> details) {
    details.forEach((plugin, detail) -> states.merge(plugin, detail, (state, d) -> state + " (" + d + ")"));
  }
}
