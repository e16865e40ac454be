package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.ConfigSchema;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The schemas of the bundles that declare a plugin id, read from the bundles at the moment of the
 * call. Deliberately not the tracker's view: a plugin can start before the tracker has been told
 * its bundle arrived, and the startup check must not depend on that order.
 */
final class PluginSchemaLookup {
  private PluginSchemaLookup() {}

  /** Throws the bundle's schema error when its schema resource is missing or invalid. */
  static List<ConfigSchema> schemasOf(BundleContext context, String pluginId) {
    List<ConfigSchema> out = new ArrayList<>();
    for (Bundle bundle : context.getBundles()) {
      if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
        continue;
      }
      BundleContributions c = BundleContributions.of(bundle);
      if (!c.pluginIds().contains(pluginId)) {
        continue;
      }
      if (c.error() != null) {
        throw c.error();
      }
      if (c.schema() != null) {
        out.add(c.schema());
      }
    }
    return out;
  }
}
