package dev.greenroom.http.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.http.standalone.HttpServices;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Registers the four HTTP service factories as {@link BackendFeature} services (ranking 100) for
 * the runtime to pick up; the dispatcher is served through the Servlet Whiteboard. The readiness
 * body's plugin states come from the runtime's {@link GreenroomRuntime}, when present (states only:
 * the body is anonymous; why a plugin is not ready — its database host, a driver's message — goes
 * to the log, {@link ReadinessDetailLog}), and so does
 * whether a plugin's start is pending (its requests are held) or not (503 at once). Requests are
 * measured on the metrics bundle's {@link RootMetricsService} while one is registered.
 */
@Component(immediate = true)
public final class HttpServicesComponent {
  static final int RANKING = 100;

  private final List<ServiceRegistration<BackendFeature>> registrations = new ArrayList<>();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.greenroom.http");
  private final ReadinessDetailLog detailLog = new ReadinessDetailLog(LOG::info, LOG::info);

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  private volatile List<ReadinessDetails> details = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile GreenroomRuntime runtime;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile ConfigurationAdmin configAdmin;

  /** The metrics bundle's registry while it is there: each plugin's requests are measured on it. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile RootMetricsService metrics;

  @Activate
  void activate(BundleContext context) {
    WhiteboardServletHost host = new WhiteboardServletHost(context, new PaxWebListen(context, () -> configAdmin));
    for (ServiceFactory<?> factory : HttpServices.factories(
        host, this::pluginStates, new BundlePluginPresence(context), new RuntimePluginStarts(() -> runtime),
        () -> metrics)) {
      Hashtable<String, Object> props = new Hashtable<>();
      props.put(Constants.SERVICE_RANKING, RANKING);
      registrations.add(context.registerService(BackendFeature.class, factory, props));
    }
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<BackendFeature> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // withdrawn with the bundle
      }
    }
    registrations.clear();
  }

  private Map<String, String> pluginStates() {
    GreenroomRuntime r = runtime;
    if (r == null) {
      return Map.of();
    }
    Map<String, String> states = new LinkedHashMap<>();
    for (PluginDTO p : r.plugins()) {
      states.put(p.pluginId(), p.state().name().toLowerCase(Locale.ROOT));
    }
    return readinessStates(states, details, detailLog);
  }

  /**
   * The readiness body's {@code plugins}: the runtime's states as they are. The details (database
   * hosts, driver messages) go to {@code log} only: the readiness body is anonymous.
   */
  static Map<String, String> readinessStates(
      Map<String, String> states, List<ReadinessDetails> details, ReadinessDetailLog log) {
    log.update(details);
    return states;
  }
}
