package dev.greenroom.http.internal.osgi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Why plugins are not ready ({@link ReadinessDetails}: a database's host, a driver's message) is
 * not for the anonymous readiness body, which anyone who reaches the port may read; it goes to the
 * log instead, one line when a plugin's detail appears or changes and one when it clears. Checked
 * whenever readiness is computed (a probe, the shell). The OSGi component logs both at info: a
 * database that is still connecting at startup is not a warning, and the database bundle's own
 * failure (a plugin that cannot start) is reported by the runtime.
 */
final class ReadinessDetailLog {
  private final Consumer<String> changed;
  private final Consumer<String> cleared;
  private final Map<String, String> last = new HashMap<>();

  ReadinessDetailLog(Consumer<String> changed, Consumer<String> cleared) {
    this.changed = changed;
    this.cleared = cleared;
  }

  /** Compares the details now with those logged last and logs the changes. */
  synchronized void update(List<ReadinessDetails> sources) {
    Map<String, String> now = new LinkedHashMap<>();
    for (ReadinessDetails d : sources) {
      now.putAll(d.details());
    }
    now.forEach((plugin, detail) -> {
      if (!detail.equals(last.get(plugin))) {
        changed.accept("Plugin '" + plugin + "' is not ready: " + detail);
      }
    });
    for (String plugin : last.keySet()) {
      if (!now.containsKey(plugin)) {
        cleared.accept("Plugin '" + plugin + "' is no longer reported as not ready (was: " + last.get(plugin) + ")");
      }
    }
    last.clear();
    last.putAll(now);
  }
}
