package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Hides extension-point services from bundles of other plugins. A bundle belongs to the plugin
 * its {@code greenroom.feature} capability names; bundles without one (the framework, the runtime,
 * the shell, node libraries) see every extension point.
 */
final class IsolationHooks implements FindHook, EventListenerHook {
  private static final String NONE = "";
  private final Map<Long, String> pluginOfBundle = new ConcurrentHashMap<>();

  void forget(long bundleId) {
    pluginOfBundle.remove(bundleId);
  }

  @Override
  public void find(BundleContext context, String name, String filter, boolean allServices,
      Collection<ServiceReference<?>> references) {
    String viewer = pluginOf(context);
    if (viewer == null) {
      return;
    }
    references.removeIf(ref -> hidden(ref, viewer));
  }

  @Override
  public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
    ServiceReference<?> ref = event.getServiceReference();
    if (ref.getProperty(FeatureNamespace.EXTENSION_POINT) == null) {
      return;
    }
    listeners.keySet().removeIf(context -> {
      String viewer = pluginOf(context);
      return viewer != null && hidden(ref, viewer);
    });
  }

  private static boolean hidden(ServiceReference<?> ref, String viewerPlugin) {
    if (ref.getProperty(FeatureNamespace.EXTENSION_POINT) == null) {
      return false;
    }
    return !viewerPlugin.equals(ref.getProperty(FeatureNamespace.PLUGIN_ID));
  }

  private String pluginOf(BundleContext context) {
    Bundle bundle;
    try {
      bundle = context.getBundle();
    } catch (IllegalStateException invalidContext) {
      return null;
    }
    if (bundle == null || bundle.getBundleId() == 0) {
      return null;
    }
    String plugin = pluginOfBundle.computeIfAbsent(bundle.getBundleId(), id -> {
      String p = FeatureCapabilities.pluginOf(bundle);
      return p == null ? NONE : p;
    });
    return plugin.isEmpty() ? null : plugin;
  }
}
