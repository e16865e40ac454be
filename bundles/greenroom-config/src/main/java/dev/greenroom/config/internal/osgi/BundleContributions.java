package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.ConfigException;
import dev.greenroom.config.ConfigSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/** What one bundle contributes to configuration: the plugin ids it declares and its schema. */
record BundleContributions(List<String> pluginIds, ConfigSchema schema, ConfigException error) {
  static final String SCHEMA_HEADER = "Greenroom-ConfigSchema";
  private static final String FEATURE_NAMESPACE = "greenroom.feature";

  static BundleContributions of(Bundle bundle) {
    List<String> plugins = pluginIds(bundle);
    try {
      return new BundleContributions(plugins, schema(bundle, plugins), null);
    } catch (ConfigException e) {
      // kept as data: the next config load fails with it, naming the bundle
      return new BundleContributions(plugins, null, e);
    }
  }

  boolean isEmpty() {
    return pluginIds.isEmpty() && schema == null && error == null;
  }

  private static List<String> pluginIds(Bundle bundle) {
    List<String> ids = new ArrayList<>();
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    if (revision == null) {
      return ids;
    }
    for (BundleCapability cap : revision.getDeclaredCapabilities(FEATURE_NAMESPACE)) {
      Map<String, Object> attrs = cap.getAttributes();
      if (attrs.get("greenroom.plugin.id") instanceof String id && !attrs.containsKey("greenroom.module.id")) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static ConfigSchema schema(Bundle bundle, List<String> plugins) {
    String path = bundle.getHeaders("").get(SCHEMA_HEADER);
    if (path == null || path.isBlank()) {
      return null;
    }
    String owner = (plugins.isEmpty() ? "" : "plugin '" + plugins.get(0) + "' ") + "(bundle " + bundle.getSymbolicName() + ")";
    String source = bundle.getSymbolicName() + "/" + path.trim();
    URL entry = bundle.getEntry(path.trim());
    if (entry == null) {
      throw new ConfigException(
          "Config schema " + source + " named by header " + SCHEMA_HEADER + " of " + owner + " does not exist", source, null);
    }
    try (InputStream in = entry.openStream()) {
      return ConfigSchema.parse(owner, source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(
          "Unable to read config schema " + source + " of " + owner + ": " + e.getMessage(), source, null, e);
    }
  }
}
