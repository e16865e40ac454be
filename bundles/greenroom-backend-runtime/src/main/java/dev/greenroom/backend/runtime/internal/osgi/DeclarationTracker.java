package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.internal.live.Declaration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.BundleTracker;

/**
 * Watches every installed bundle for {@code greenroom.feature} capabilities, so each plugin's
 * machine knows which module (and plugin) bundles to wait for — including bundles of a FileInstall
 * batch that are installed but not started yet, so a plugin dropped in with its modules never
 * initialises without them. A bundle stops being awaited when it is uninstalled, or stopped for
 * good (not persistently started) after having run; an update or refresh keeps it awaited. A bundle
 * that cannot resolve is declared with the missing requirement, which the plugin's diagnosis shows.
 */
final class DeclarationTracker extends BundleTracker<DeclarationTracker.Declarations> {
  private static final int RUNNING = Bundle.STARTING | Bundle.ACTIVE;

  /** What one bundle declares, and what the coordinators were last told about it. */
  static final class Declarations {
    final List<DeclaredFeature> features;
    final Set<String> malformedPlugins;
    boolean seenRunning;
    boolean declared;
    String problem;

    Declarations(List<DeclaredFeature> features, Set<String> malformedPlugins) {
      this.features = features;
      this.malformedPlugins = malformedPlugins;
    }
  }

  private final Coordinators coordinators;
  private final IsolationHooks isolation;
  private final Supplier<LoggerService> logger;
  private final ExportedFilters exportedFilters = new ExportedFilters();

  DeclarationTracker(BundleContext context, Coordinators coordinators, IsolationHooks isolation,
      Supplier<LoggerService> logger) {
    // STOPPING too: a bundle that is updated passes through it, and leaving the mask would
    // withdraw its declaration for a moment — long enough for its plugin to start without it
    super(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null);
    this.coordinators = coordinators;
    this.isolation = isolation;
    this.logger = logger;
  }

  @Override
  public void open() {
    context.addBundleListener(exportedFilters);
    super.open();
  }

  @Override
  public void close() {
    super.close();
    context.removeBundleListener(exportedFilters);
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
    Declarations declared = new Declarations(features, malformedPlugins);
    update(bundle, declared);
    return declared;
  }

  @Override
  public void modifiedBundle(Bundle bundle, BundleEvent event, Declarations declared) {
    update(bundle, declared);
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, Declarations declared) {
    withdraw(bundle, declared);
    isolation.forget(bundle.getBundleId());
  }

  private void update(Bundle bundle, Declarations declared) {
    int state = bundle.getState();
    boolean running = (state & RUNNING) != 0;
    declared.seenRunning |= running;
    boolean awaited = running || persistentlyStarted(bundle) || !declared.seenRunning;
    if (!awaited) {
      withdraw(bundle, declared);
      return;
    }
    String problem = state == Bundle.INSTALLED ? UnresolvedRequirements.of(context, bundle, exportedFilters) : null;
    if (declared.declared && Objects.equals(problem, declared.problem)) {
      return;
    }
    declared.declared = true;
    declared.problem = problem;
    for (DeclaredFeature d : declared.features) {
      coordinators.of(d.pluginId()).declared(
          new Declaration(d.pluginId(), d.moduleId(), bundle.getBundleId(), BundleNames.of(bundle), problem));
    }
  }

  private void withdraw(Bundle bundle, Declarations declared) {
    Set<String> plugins = new LinkedHashSet<>(declared.malformedPlugins);
    declared.features.forEach(d -> plugins.add(d.pluginId()));
    if (declared.declared || !declared.malformedPlugins.isEmpty()) {
      plugins.forEach(p -> coordinators.of(p).undeclared(bundle.getBundleId()));
    }
    declared.declared = false;
    declared.problem = null;
  }

  private static boolean persistentlyStarted(Bundle bundle) {
    BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
    return level != null && level.isPersistentlyStarted();
  }
}
