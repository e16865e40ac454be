package dev.greenroom.scheduler.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.scheduler.SchedulerServiceFactories;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers core.scheduler, with its per-plugin routes, as a {@link BackendFeature} service, ranked
 * above the built-in default.
 */
@Component(immediate = true, service = {})
public final class SchedulerServiceComponent {
  static final int RANKING = 100;

  private ServiceRegistration<BackendFeature> registration;

  @Activate
  void activate(BundleContext context) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, RANKING);
    props.put("greenroom.service.id", "core.scheduler");
    registration = context.registerService(BackendFeature.class, SchedulerServiceFactories.createWithRoutes(), props);
  }

  @Deactivate
  void deactivate() {
    try {
      registration.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the framework unregisters a stopping bundle's services itself
    }
  }
}
