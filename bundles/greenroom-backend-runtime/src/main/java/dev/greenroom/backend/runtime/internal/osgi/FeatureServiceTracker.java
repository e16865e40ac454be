package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
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
  /** How long a leaving feature service's bundle waits for the run that used it to stop. */
  private static final long STOP_WAIT_MILLIS = 30_000;
  private final java.util.Set<String> mismatches = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
          // a core-service bundle started (or was updated) while the backend runs
          coordinators.factoryChanged(factory.service().id(), null, best(factory.service().id(), ref, factory), bundle);
        }
        return feature;
      }
      if (feature instanceof RegistrationsFeature r) {
        Contribution c = contribution(r, ref);
        checkDeclaredIds(ref.getBundle(), c);
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
      coordinators.of(c.pluginId()).featureRemoved(c.serviceId(), STOP_WAIT_MILLIS);
    } else {
      boolean live;
      synchronized (factoryRefs) {
        factoryRefs.remove(ref);
        live = rootStarted;
      }
      if (live && tracked instanceof ServiceFactory<?> factory) {
        // its bundle is stopping or updating: the next best factory, or the default, takes over
        coordinators.factoryChanged(factory.service().id(), factory, best(factory.service().id(), null, null),
            BundleNames.of(ref.getBundle()));
      }
    }
    context.ungetService(ref);
  }

  /** The registered factory for {@code id} with the highest ranking (then lowest service id), or null. */
  private ServiceFactory<?> best(String id, ServiceReference<BackendFeature> adding, ServiceFactory<?> added) {
    List<ServiceReference<BackendFeature>> refs;
    synchronized (factoryRefs) {
      refs = new ArrayList<>(factoryRefs);
    }
    refs.sort((a, b) -> b.compareTo(a));
    for (ServiceReference<BackendFeature> ref : refs) {
      // the service being added is not tracked yet while addingService runs
      Object f = ref.equals(adding) ? added : getService(ref);
      if (f instanceof ServiceFactory<?> factory && factory.service().id().equals(id)) {
        return factory;
      }
    }
    return null;
  }

  /**
   * A bundle whose {@code greenroom.feature} capability names other ids than its feature service
   * (an annotation that says {@code todo} on a plugin constructed as {@code todos}) would leave the
   * declared plugin waiting for a service that never comes. Reported once, naming the bundle and
   * both ids; the declaration stops being awaited, and the declared id's diagnosis says why.
   */
  private void checkDeclaredIds(org.osgi.framework.Bundle bundle, Contribution c) {
    List<DeclaredFeature> declared = FeatureCapabilities.of(bundle, (p, m) -> {});
    if (declared.isEmpty() || declared.stream().anyMatch(d -> d.pluginId().equals(c.pluginId())
        && java.util.Objects.equals(d.moduleId(), c.moduleId()))) {
      return;
    }
    for (DeclaredFeature d : declared) {
      String message = "Bundle " + c.bundleName() + " declares " + describe(d.pluginId(), d.moduleId())
          + " in its greenroom.feature capability but registers a BackendFeature service for "
          + describe(c.pluginId(), c.moduleId()) + "; the capability and the feature must name the same ids";
      if (mismatches.add(message)) {
        logger.get().error(message);
      }
      PluginCoordinator declaredPlugin = coordinators.of(d.pluginId());
      declaredPlugin.undeclared(bundle.getBundleId());
      declaredPlugin.invalidCapability(bundle.getBundleId(), message);
    }
  }

  private static String describe(String pluginId, String moduleId) {
    return moduleId == null ? "plugin '" + pluginId + "'" : "module '" + moduleId + "' for plugin '" + pluginId + "'";
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
