package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/**
 * Watches starting and active bundles for {@code greenroom.feature} capabilities, so each
 * coordinator knows which module (and plugin) bundles to wait for.
 */
final class DeclarationTracker extends BundleTracker<List<DeclaredFeature>> {
  private final Coordinators coordinators;
  private final IsolationHooks isolation;
  private final Supplier<LoggerService> logger;

  DeclarationTracker(BundleContext context, Coordinators coordinators, IsolationHooks isolation,
      Supplier<LoggerService> logger) {
    super(context, Bundle.STARTING | Bundle.ACTIVE, null);
    this.coordinators = coordinators;
    this.isolation = isolation;
    this.logger = logger;
  }

  @Override
  public List<DeclaredFeature> addingBundle(Bundle bundle, BundleEvent event) {
    List<String> malformedOf = new java.util.ArrayList<>();
    List<DeclaredFeature> declared = FeatureCapabilities.of(bundle, (plugin, message) -> {
      logger.get().warn(message);
      if (plugin != null) {
        coordinators.of(plugin).invalidCapability(bundle.getBundleId(), message);
        malformedOf.add(plugin);
      }
    });
    if (declared.isEmpty() && malformedOf.isEmpty()) {
      return null;
    }
    malformedOf.forEach(plugin -> declared.add(new DeclaredFeature(plugin, null, null)));
    declared.stream().filter(d -> d.bundle() != null).forEach(d -> coordinators.of(d.pluginId()).declared(d));
    return declared;
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, List<DeclaredFeature> declared) {
    declared.forEach(d -> coordinators.of(d.pluginId()).undeclared(bundle.getBundleId()));
    isolation.forget(bundle.getBundleId());
  }
}
