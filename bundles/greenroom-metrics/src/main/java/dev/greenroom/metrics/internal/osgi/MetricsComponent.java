package dev.greenroom.metrics.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomServices;
import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginReady;
import dev.greenroom.metrics.MetricsServiceFactories;
import dev.greenroom.metrics.internal.MeterRegistryMetrics;
import dev.greenroom.metrics.internal.PluginRunMetrics;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One registry per framework: registered as the {@link RootMetricsService} the HTTP, database and
 * scheduler bundles measure through (they track it, and measure nothing without it), with the
 * {@code alpha.core.metrics} factory and plugin {@code metrics} (the endpoint) as {@link
 * BackendFeature} services. Plugin starts are counted from the runtime's {@link PluginReady}
 * markers; states and init times are read from {@link GreenroomRuntime} at each scrape.
 */
@GreenroomServices({"alpha.core.metrics"})
@Component(immediate = true)
public final class MetricsComponent {
  static final int RANKING = 100;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile GreenroomRuntime runtime;

  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
  private ServiceTracker<PluginReady, PluginReady> ready;

  @Activate
  void activate(BundleContext context) {
    MeterRegistryMetrics metrics = new MeterRegistryMetrics().withJvmMetrics();
    PluginRunMetrics runs = new PluginRunMetrics(metrics, () -> {
      GreenroomRuntime r = runtime;
      return r == null ? List.of() : r.plugins();
    });
    ready = new ServiceTracker<>(context, PluginReady.class, null) {
      @Override
      public PluginReady addingService(ServiceReference<PluginReady> reference) {
        PluginReady marker = super.addingService(reference);
        if (marker != null) {
          runs.started(marker.pluginId());
        }
        return marker;
      }
    };
    ready.open();
    Hashtable<String, Object> ranked = new Hashtable<>();
    ranked.put(Constants.SERVICE_RANKING, RANKING);
    registrations.add(context.registerService(RootMetricsService.class, metrics, null));
    for (BackendFeature feature : MetricsServiceFactories.features(metrics)) {
      registrations.add(context.registerService(BackendFeature.class, feature, ranked));
    }
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<?> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // withdrawn with the bundle
      }
    }
    registrations.clear();
    ready.close();
  }
}
