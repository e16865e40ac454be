package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.spi.ExtensionPointProvision;
import dev.greenroom.backend.api.spi.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every extension point registered in one backend, unique by id, with its owning plugin (and the
 * module that provides it, if any). Entries of one plugin can be withdrawn when it stops.
 */
public final class ExtensionPointTable {
  /** One registered extension point. {@code moduleId} is null when the plugin provides it. */
  public record Entry(ExtensionPointProvision provision, String pluginId, String moduleId) {
    public String id() {
      return provision.extensionPoint().id();
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Registers every extension point of {@code r}; throws on the first duplicate id. */
  public synchronized void register(Registration r) {
    for (ExtensionPointProvision p : r.extensionPoints()) {
      checkUnique(p.extensionPoint().id());
    }
    for (ExtensionPointProvision p : r.extensionPoints()) {
      entries.put(p.extensionPoint().id(), new Entry(p, r.pluginId(), r.moduleId()));
    }
  }

  private void checkUnique(String id) {
    if (entries.containsKey(id)) {
      throw new IllegalStateException("ExtensionPoint with ID '" + id + "' is already registered");
    }
  }

  public synchronized Optional<Entry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** Withdraws one extension point (a module that failed to register). */
  public synchronized void remove(String id) {
    entries.remove(id);
  }

  /** Withdraws every extension point owned by {@code pluginId}; returns what was removed. */
  public synchronized List<Entry> removePlugin(String pluginId) {
    List<Entry> removed = new ArrayList<>();
    entries.values().removeIf(e -> {
      if (e.pluginId().equals(pluginId)) {
        removed.add(e);
        return true;
      }
      return false;
    });
    return removed;
  }

  public synchronized List<Entry> all() {
    return List.copyOf(entries.values());
  }
}
