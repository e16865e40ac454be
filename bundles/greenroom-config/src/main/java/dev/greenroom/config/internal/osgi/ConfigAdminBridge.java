package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.internal.ConfigAdminProperties;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Mirrors each installed plugin's top-level config subtree into ConfigAdmin as PID
 * {@code greenroom.plugin.<pluginId>}, so plain DS components can read it. Only configurations
 * carrying this bundle's marker are updated or deleted; unchanged ones are not touched
 * ({@code updateIfDifferent}), so components are not reactivated for nothing.
 */
final class ConfigAdminBridge {
  private ConfigAdminBridge() {}

  @SuppressWarnings("unchecked")
  static void sync(ConfigurationAdmin admin, Map<String, Object> config, Set<String> pluginIds) throws IOException {
    Set<String> wanted = new TreeSet<>();
    for (String pluginId : pluginIds) {
      if (config.get(pluginId) instanceof Map<?, ?> subtree) {
        wanted.add(ConfigAdminProperties.pid(pluginId));
        Dictionary<String, Object> props = new Hashtable<>(ConfigAdminProperties.flatten((Map<String, Object>) subtree));
        props.put(ConfigAdminProperties.MARKER, "greenroom-config");
        // "?" lets the configuration bind to whichever bundle's component asks for it
        admin.getConfiguration(ConfigAdminProperties.pid(pluginId), "?").updateIfDifferent(props);
      }
    }
    Configuration[] existing;
    try {
      existing = admin.listConfigurations("(" + ConfigAdminProperties.MARKER + "=greenroom-config)");
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException("constant filter is valid", e);
    }
    if (existing != null) {
      for (Configuration c : existing) {
        if (!wanted.contains(c.getPid()) && c.getFactoryPid() == null) {
          c.delete();
        }
      }
    }
  }

}
