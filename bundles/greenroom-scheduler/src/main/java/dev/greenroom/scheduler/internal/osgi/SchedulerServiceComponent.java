package dev.greenroom.scheduler.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.scheduler.SchedulerOptions;
import dev.greenroom.scheduler.SchedulerServiceFactories;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Registers core.scheduler, with its per-plugin routes, as a {@link BackendFeature} service, ranked
 * above the built-in default.
 */
@Component(immediate = true, service = {})
public final class SchedulerServiceComponent {
  static final int RANKING = 100;

  private ServiceRegistration<BackendFeature> registration;

  /** The metrics bundle's registry while it is there: task runs are measured on it (docs/metrics.md). */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile RootMetricsService metrics;

  @Activate
  void activate(BundleContext context) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, RANKING);
    props.put("greenroom.service.id", "core.scheduler");
    registration = context.registerService(BackendFeature.class, SchedulerServiceFactories.createWithRoutes(SchedulerOptions.defaults(), () -> metrics), props);
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
