package dev.greenroom.http.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.http.standalone.PluginPresence;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;

/**
 * A plugin is provided while an installed bundle declares it ({@code greenroom.feature} capability
 * with its {@code greenroom.plugin.id} and no module id) and is started or marked to be started.
 * The mark matters: an update or a refresh stops the bundle for a moment but keeps it, so a
 * request held during an update is served by the new code instead of answered 404. The runtime's
 * own state cannot tell that apart, because it tracks active bundles only.
 */
final class BundlePluginPresence implements PluginPresence {
  private final BundleContext context;

  BundlePluginPresence(BundleContext context) {
    this.context = context;
  }

  @Override
  public boolean isProvided(String pluginId) {
    Bundle[] bundles;
    try {
      bundles = context.getBundles();
    } catch (IllegalStateException stopping) {
      return true; // our own bundle is stopping: let the timeout answer
    }
    for (Bundle b : bundles) {
      if (b.getState() != Bundle.UNINSTALLED && wantsToRun(b) && declaresPlugin(b, pluginId)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wantsToRun(Bundle b) {
    if ((b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
      return true;
    }
    BundleStartLevel level = b.adapt(BundleStartLevel.class);
    return level != null && level.isPersistentlyStarted();
  }

  private static boolean declaresPlugin(Bundle b, String pluginId) {
    BundleRevision revision = b.adapt(BundleRevision.class);
    if (revision == null) {
      return false;
    }
    for (Capability c : revision.getCapabilities(FeatureNamespace.NAMESPACE)) {
      var attrs = c.getAttributes();
      if (pluginId.equals(String.valueOf(attrs.get(FeatureNamespace.PLUGIN_ID)))
          && attrs.get(FeatureNamespace.MODULE_ID) == null) {
        return true;
      }
    }
    return false;
  }
}
