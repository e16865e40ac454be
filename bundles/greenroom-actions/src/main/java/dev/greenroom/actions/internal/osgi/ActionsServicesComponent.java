package dev.greenroom.actions.internal.osgi;

import dev.greenroom.actions.ActionsServiceFactories;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.annotations.GreenroomServices;
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
 * Registers the {@code alpha.core.actionsRegistry} and {@code alpha.core.actions} factories as
 * {@link BackendFeature} services (as greenroom-auth registers its three).
 */
@GreenroomServices({"alpha.core.actionsRegistry", "alpha.core.actions"})
@Component(immediate = true, service = {})
public final class ActionsServicesComponent {
  private final List<ServiceRegistration<BackendFeature>> registrations = new ArrayList<>();

  @Activate
  void activate(BundleContext context) {
    for (ServiceFactory<?> factory : ActionsServiceFactories.all()) {
      Hashtable<String, Object> props = new Hashtable<>();
      props.put(Constants.SERVICE_RANKING, 100);
      props.put("greenroom.service.id", factory.service().id());
      registrations.add(context.registerService(BackendFeature.class, factory, props));
    }
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
