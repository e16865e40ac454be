package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/**
 * Watches starting and active bundles for {@code greenroom.feature} capabilities, so each
 * coordinator knows which module (and plugin) bundles to wait for, and which malformed
 * capabilities to show in its diagnosis until their bundle goes away.
 */
final class DeclarationTracker extends BundleTracker<DeclarationTracker.Declarations> {
  /** What one bundle declares: its well-formed features, and the plugins named by malformed ones. */
  record Declarations(List<DeclaredFeature> features, Set<String> malformedPlugins) {}

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
  public Declarations addingBundle(Bundle bundle, BundleEvent event) {
    Set<String> malformedPlugins = new LinkedHashSet<>();
    List<DeclaredFeature> features = FeatureCapabilities.of(bundle, (plugin, message) -> {
      logger.get().warn(message);
      if (plugin != null) {
        coordinators.of(plugin).invalidCapability(bundle.getBundleId(), message);
        malformedPlugins.add(plugin);
      }
    });
    if (features.isEmpty() && malformedPlugins.isEmpty()) {
      return null;
    }
    features.forEach(d -> coordinators.of(d.pluginId()).declared(d));
    return new Declarations(features, malformedPlugins);
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, Declarations declared) {
    Set<String> plugins = new LinkedHashSet<>(declared.malformedPlugins());
    declared.features().forEach(d -> plugins.add(d.pluginId()));
    plugins.forEach(p -> coordinators.of(p).undeclared(bundle.getBundleId()));
    isolation.forget(bundle.getBundleId());
  }
}
