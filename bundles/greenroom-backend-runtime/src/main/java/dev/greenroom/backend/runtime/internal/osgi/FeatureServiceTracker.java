package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.Registration;
import dev.greenroom.backend.api.RegistrationsFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.internal.live.Contribution;
import dev.greenroom.backend.runtime.internal.wiring.FeatureUnwrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The feature whiteboard: every {@link BackendFeature} service. Plugins and modules go to their
 * plugin's coordinator; service factories are collected for the root start. A bad feature is
 * logged with its bundle and ignored; the tracker never throws.
 */
final class FeatureServiceTracker extends ServiceTracker<BackendFeature, Object> {
  private final Coordinators coordinators;
  private final Supplier<LoggerService> logger;
  private final List<ServiceReference<BackendFeature>> factoryRefs = new ArrayList<>();
  private volatile boolean rootStarted;
  private volatile Runnable onFactory = () -> {};

  FeatureServiceTracker(BundleContext context, Coordinators coordinators, Supplier<LoggerService> logger) {
    super(context, BackendFeature.class, null);
    this.coordinators = coordinators;
    this.logger = logger;
  }

  @Override
  public Object addingService(ServiceReference<BackendFeature> ref) {
    BackendFeature feature = context.getService(ref);
    if (feature == null) {
      return null;
    }
    String bundle = BundleNames.of(ref.getBundle());
    try {
      FeatureUnwrapper.validate(feature);
      if (feature instanceof ServiceFactory<?> factory) {
        synchronized (factoryRefs) {
          factoryRefs.add(ref);
        }
        onFactory.run();
        if (rootStarted) {
          logger.get().warn("Service factory for " + factory.service().id() + " from bundle " + bundle
              + " arrived after the backend started; it takes effect when the runtime bundle restarts");
        }
        return feature;
      }
      if (feature instanceof RegistrationsFeature r) {
        Contribution c = contribution(r, ref);
        coordinators.of(c.pluginId()).featureAdded(c);
        return c;
      }
      logger.get().warn("Feature " + feature + " from bundle " + bundle
          + " is a feature loader; loaders are not supported as OSGi services (register their features instead)");
      return feature;
    } catch (RuntimeException e) {
      logger.get().error("Ignoring BackendFeature service " + ref.getProperty(Constants.SERVICE_ID) + " of bundle "
          + bundle + ": " + e.getMessage(), e);
      context.ungetService(ref);
      return null;
    }
  }

  @Override
  public void removedService(ServiceReference<BackendFeature> ref, Object tracked) {
    if (tracked instanceof Contribution c) {
      coordinators.of(c.pluginId()).featureRemoved(c.serviceId());
    } else {
      synchronized (factoryRefs) {
        factoryRefs.remove(ref);
      }
    }
    context.ungetService(ref);
  }

  /** Called whenever a service factory service arrives. */
  void onFactory(Runnable listener) {
    this.onFactory = listener;
  }

  /** The service factories registered so far, as {@code <bundleId>:<serviceId>}. */
  java.util.Set<String> factoryKeys() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    synchronized (factoryRefs) {
      for (ServiceReference<BackendFeature> ref : factoryRefs) {
        Object f = getService(ref);
        if (f instanceof ServiceFactory<?> factory && ref.getBundle() != null) {
          keys.add(ref.getBundle().getBundleId() + ":" + factory.service().id());
        }
      }
    }
    return keys;
  }

  /** The service factories registered so far, highest ranking first, and marks the root started. */
  List<ServiceFactory<?>> factoriesForRootStart() {
    List<ServiceReference<BackendFeature>> refs;
    synchronized (factoryRefs) {
      refs = new ArrayList<>(factoryRefs);
      rootStarted = true;
    }
    refs.sort((a, b) -> b.compareTo(a));
    List<ServiceFactory<?>> out = new ArrayList<>();
    for (ServiceReference<BackendFeature> ref : refs) {
      Object f = getService(ref);
      if (f instanceof ServiceFactory<?> factory) {
        out.add(factory);
      }
    }
    return out;
  }

  private static Contribution contribution(RegistrationsFeature r, ServiceReference<BackendFeature> ref) {
    long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
    Object rankingProperty = ref.getProperty(Constants.SERVICE_RANKING);
    int ranking = rankingProperty instanceof Integer i ? i : 0;
    long bundleId = ref.getBundle().getBundleId();
    String bundleName = BundleNames.of(ref.getBundle());
    if (r instanceof BackendPlugin p) {
      return new Contribution(r, p.pluginId(), null, bundleId, bundleName, serviceId, ranking);
    }
    if (r instanceof BackendModule m) {
      return new Contribution(r, m.pluginId(), m.moduleId(), bundleId, bundleName, serviceId, ranking);
    }
    List<Registration> regs = r.getRegistrations();
    if (regs.isEmpty()) {
      throw new IllegalArgumentException("the feature has no registrations");
    }
    Registration first = regs.get(0);
    return new Contribution(r, first.pluginId(), first.moduleId(), bundleId, bundleName, serviceId, ranking);
  }
}
