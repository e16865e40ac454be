package dev.greenroom.permission.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.permission.internal.PermissionFactories;
import dev.greenroom.permission.internal.PermissionPlugin;
import dev.greenroom.permission.internal.PermissionSystem;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers core.permissions and core.permissionsRegistry (ranking 100, as the other core-service
 * bundles) and plugin {@code permission}, all over one {@link PermissionSystem}: one component, so
 * the factories and the plugin that sets the policy always share it.
 */
@GreenroomPlugin(id = PermissionPlugin.PLUGIN_ID)
@Component(immediate = true, service = {})
public final class PermissionComponent {
  static final int RANKING = 100;

  private final List<ServiceRegistration<BackendFeature>> registrations = new ArrayList<>();

  @Activate
  void activate(BundleContext context) {
    PermissionSystem system = new PermissionSystem();
    for (ServiceFactory<?> factory :
        List.of(PermissionFactories.permissions(system), PermissionFactories.permissionsRegistry(system))) {
      Hashtable<String, Object> props = new Hashtable<>();
      props.put(Constants.SERVICE_RANKING, RANKING);
      props.put("greenroom.service.id", factory.service().id());
      registrations.add(context.registerService(BackendFeature.class, factory, props));
    }
    registrations.add(context.registerService(BackendFeature.class, new PermissionPlugin(system), new Hashtable<>()));
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<BackendFeature> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework unregisters a stopping bundle's services itself
      }
    }
    registrations.clear();
  }
}
