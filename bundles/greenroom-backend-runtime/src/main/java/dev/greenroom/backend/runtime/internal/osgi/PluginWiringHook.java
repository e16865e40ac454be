package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Plugins talk over the network only: a plugin's bundles (the plugin and its modules) may not wire
 * to packages exported by a bundle of another plugin. Node libraries carry no {@code
 * greenroom.feature} capability and stay wireable by everyone. Each refusal is logged once, naming
 * both bundles and the package, and kept for {@code greenroom:diag}.
 */
final class PluginWiringHook implements ResolverHookFactory, ResolverHook {
  /** A refused wire: who asked, for what, and whose export it would have been. */
  record Refusal(String requirer, String requirerPlugin, String packageName, String provider, String providerPlugin) {
    String message() {
      return "Bundle " + requirer + " of plugin '" + requirerPlugin + "' may not import package " + packageName
          + " from bundle " + provider + " of plugin '" + providerPlugin
          + "': plugins talk over the network only (move shared types to a node library)";
    }
  }

  private final Supplier<LoggerService> logger;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

  PluginWiringHook(Supplier<LoggerService> logger) {
    this.logger = logger;
  }

  /** Refusals so far, oldest first. */
  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  @Override
  public ResolverHook begin(Collection<BundleRevision> triggers) {
    return this;
  }

  @Override
  public void filterResolvable(Collection<BundleRevision> candidates) {}

  @Override
  public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {}

  @Override
  public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
    if (!PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace())) {
      return;
    }
    String requirerPlugin = pluginOf(requirement.getRevision());
    if (requirerPlugin == null) {
      return;
    }
    candidates.removeIf(cap -> {
      String providerPlugin = pluginOf(cap.getRevision());
      if (providerPlugin == null || providerPlugin.equals(requirerPlugin)) {
        return false;
      }
      refuse(new Refusal(name(requirement.getRevision()), requirerPlugin,
          String.valueOf(cap.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)), name(cap.getRevision()), providerPlugin));
      return true;
    });
  }

  @Override
  public void end() {}

  private void refuse(Refusal refusal) {
    if (reported.add(refusal.message())) {
      refusals.add(refusal);
      logger.get().error(refusal.message());
    }
  }

  private static String pluginOf(BundleRevision revision) {
    if (revision == null) {
      return null;
    }
    for (BundleCapability cap : revision.getDeclaredCapabilities(FeatureNamespace.NAMESPACE)) {
      Object id = cap.getAttributes().get(FeatureNamespace.PLUGIN_ID);
      if (id instanceof String s && !s.isEmpty()) {
        return s;
      }
    }
    return null;
  }

  private static String name(BundleRevision revision) {
    return revision.getSymbolicName() + " " + revision.getVersion()
        + (revision.getBundle() == null ? "" : " [" + revision.getBundle().getBundleId() + "]");
  }
}
