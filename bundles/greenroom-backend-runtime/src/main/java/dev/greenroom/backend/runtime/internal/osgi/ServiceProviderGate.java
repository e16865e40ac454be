package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Holds the root start until every installed bundle that declares {@code
 * greenroom.service} capabilities has registered the service factories it names, so the backend
 * never starts on the built-in defaults just because, say, the HTTP bundle's component activated a
 * moment later. Bounded: after the timeout each missing factory is logged with its bundle and the
 * root starts without it.
 */
final class ServiceProviderGate implements BundleListener {
  /** A service factory a bundle declared: the bundle id and the service ref id. */
  record Declared(long bundleId, String bundleName, String serviceId) {
    String key() {
      return bundleId + ":" + serviceId;
    }
  }

  private final BundleContext context;
  private final Supplier<Set<String>> registeredKeys;
  private final Object lock = new Object();

  /**
   * @param registeredKeys the factories registered so far, as {@code <bundleId>:<serviceId>}
   */
  ServiceProviderGate(BundleContext context, Supplier<Set<String>> registeredKeys) {
    this.context = context;
    this.registeredKeys = registeredKeys;
  }

  /** Wakes the waiting thread: a factory arrived. */
  void factoryArrived() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  @Override
  public void bundleChanged(BundleEvent event) {
    factoryArrived();
  }

  /**
   * Waits until no declared factory is missing. A provider bundle that is ACTIVE gets {@code
   * activeTimeoutMillis} from the moment it was first seen active (its components had their chance);
   * one not started yet gets {@code launchTimeoutMillis} from the start of the wait: a launch that
   * installs hundreds of bundles (a full deploy folder) starts the providers late, and the backend
   * must not give up on them while the framework is still busy.
   *
   * @return the factories still missing (empty when all arrived)
   */
  List<Declared> await(long activeTimeoutMillis, long launchTimeoutMillis) throws InterruptedException {
    context.addBundleListener(this);
    try {
      long start = System.nanoTime();
      Map<Long, Long> activeSince = new HashMap<>();
      synchronized (lock) {
        while (true) {
          long now = System.nanoTime();
          List<Declared> missing = missing();
          boolean waitMore = false;
          for (Declared d : missing) {
            Bundle b = context.getBundle(d.bundleId());
            boolean active = b != null && b.getState() == Bundle.ACTIVE;
            long since = active ? activeSince.computeIfAbsent(d.bundleId(), id -> now) : start;
            long limit = active ? activeTimeoutMillis : launchTimeoutMillis;
            if ((now - since) / 1_000_000L < limit) {
              waitMore = true;
            }
          }
          if (!waitMore) {
            return missing;
          }
          lock.wait(200);
        }
      }
    } finally {
      context.removeBundleListener(this);
    }
  }

  List<Declared> missing() {
    Set<String> have = registeredKeys.get();
    List<Declared> out = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      // Installed and resolved bundles count too: launchers (bnd's, Pax Exam) start the framework
      // first and the bundles one by one, so a provider may not have been started yet when the
      // runtime is.
      if ((b.getState() & (Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) == 0
          || b.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      for (Declared d : declared(b)) {
        if (!have.contains(d.key())) {
          out.add(d);
        }
      }
    }
    return out;
  }

  static List<Declared> declared(Bundle bundle) {
    List<Declared> out = new ArrayList<>();
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    if (revision == null) {
      return out;
    }
    for (BundleCapability cap : revision.getDeclaredCapabilities(FeatureNamespace.SERVICE_NAMESPACE)) {
      Object ids = cap.getAttributes().get(FeatureNamespace.SERVICE_ID);
      if (ids instanceof Collection<?> list) {
        list.forEach(id -> out.add(new Declared(bundle.getBundleId(), BundleNames.of(bundle), String.valueOf(id))));
      } else if (ids instanceof String id) {
        out.add(new Declared(bundle.getBundleId(), BundleNames.of(bundle), id));
      }
    }
    return out;
  }

  /** Logs each missing factory, naming bundle and service. */
  static void report(List<Declared> missing, LoggerService logger) {
    for (Declared d : missing) {
      logger.error("Bundle " + d.bundleName() + " declares a service factory for " + d.serviceId()
          + " but registered none in time (" + RuntimeSettings.MODULE_TIMEOUT + " after it started, "
          + RuntimeSettings.SERVICE_TIMEOUT + " while it had not started); the backend starts without it");
    }
  }
}
