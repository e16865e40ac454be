package dev.greenroom.events.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.annotations.GreenroomServices;
import dev.greenroom.events.EventsServiceFactories;
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
 * Registers the {@code events.service} factory and plugin {@code events} (the bus and its routes)
 * as {@link BackendFeature} services, sharing one hub (as greenroom-metrics registers its factory
 * and plugin).
 */
@GreenroomServices({"events.service"})
@Component(immediate = true, service = {})
public final class EventsComponent {
  private final List<ServiceRegistration<BackendFeature>> registrations = new ArrayList<>();

  @Activate
  void activate(BundleContext context) {
    for (BackendFeature feature : EventsServiceFactories.features()) {
      Hashtable<String, Object> props = new Hashtable<>();
      if (feature instanceof ServiceFactory<?> factory) {
        props.put(Constants.SERVICE_RANKING, 100);
        props.put("greenroom.service.id", factory.service().id());
      }
      registrations.add(context.registerService(BackendFeature.class, feature, props));
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
