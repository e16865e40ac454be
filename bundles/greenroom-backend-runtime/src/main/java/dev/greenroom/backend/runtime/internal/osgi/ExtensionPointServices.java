package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.internal.live.ExtensionPointListener;
import dev.greenroom.backend.runtime.internal.wiring.ExtensionPointTable;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes every fixed extension-point implementation as an OSGi service under its interface, on
 * behalf of the bundle that owns it, with {@code greenroom.plugin.id} and {@code
 * greenroom.extension.point}; withdraws it when the plugin stops. Factory-made extension points
 * exist per consuming module and are not published.
 */
final class ExtensionPointServices implements ExtensionPointListener {
  private final BundleContext runtimeContext;
  private final Function<ExtensionPointTable.Entry, Bundle> ownerOf;
  private final Map<String, ServiceRegistration<?>> registrations = new ConcurrentHashMap<>();

  ExtensionPointServices(BundleContext runtimeContext, Function<ExtensionPointTable.Entry, Bundle> ownerOf) {
    this.runtimeContext = runtimeContext;
    this.ownerOf = ownerOf;
  }

  @Override
  public void registered(ExtensionPointTable.Entry entry) {
    Object impl = entry.provision().impl();
    if (impl == null) {
      return;
    }
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(FeatureNamespace.PLUGIN_ID, entry.pluginId());
    props.put(FeatureNamespace.EXTENSION_POINT, entry.id());
    if (entry.moduleId() != null) {
      props.put(FeatureNamespace.MODULE_ID, entry.moduleId());
    }
    BundleContext context = contextFor(entry);
    String type = entry.provision().extensionPoint().type().getName();
    registrations.put(entry.id(), context.registerService(new String[] {type}, impl, props));
  }

  @Override
  public void withdrawn(ExtensionPointTable.Entry entry) {
    ServiceRegistration<?> reg = registrations.remove(entry.id());
    if (reg != null) {
      try {
        reg.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the owning bundle stopped first; the framework already withdrew it
      }
    }
  }

  void closeAll() {
    registrations.values().forEach(r -> {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // fine
      }
    });
    registrations.clear();
  }

  private BundleContext contextFor(ExtensionPointTable.Entry entry) {
    Bundle owner = ownerOf.apply(entry);
    if (owner != null && (owner.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0 && owner.getBundleContext() != null) {
      return owner.getBundleContext();
    }
    return runtimeContext;
  }
}
