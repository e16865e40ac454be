package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.ConfigSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/**
 * Follows starting/active bundles for config schemas and plugin ids; calls {@code onChange} when they change.
 *
 * <p>The contributions live in a map of their own, updated before {@code onChange} runs:
 * BundleTracker records a bundle only after {@code addingBundle} returns, so a reload triggered
 * from there would otherwise miss the arriving bundle's schema and plugin id (its ConfigAdmin
 * configuration would appear only on some later change).
 */
final class ContributionTracker extends BundleTracker<BundleContributions> {
  private final Map<Long, BundleContributions> current = new ConcurrentHashMap<>();
  private volatile Runnable onChange = () -> {};

  ContributionTracker(BundleContext context) {
    super(context, Bundle.STARTING | Bundle.ACTIVE, null);
  }

  void onChange(Runnable listener) {
    this.onChange = listener;
  }

  @Override
  public BundleContributions addingBundle(Bundle bundle, BundleEvent event) {
    BundleContributions c = BundleContributions.of(bundle);
    if (c.isEmpty()) {
      return null;
    }
    current.put(bundle.getBundleId(), c);
    onChange.run();
    return c;
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, BundleContributions c) {
    current.remove(bundle.getBundleId());
    onChange.run();
  }

  /** The schemas of all tracked bundles; throws the first broken schema's error. */
  List<ConfigSchema> schemas() {
    return schemas(true);
  }

  /**
   * The schemas of the tracked bundles, those of bundles that provide a plugin only if {@code
   * plugins} (a plugin's own schema, which its start checks); throws the first broken schema's error.
   */
  List<ConfigSchema> schemas(boolean plugins) {
    List<ConfigSchema> out = new ArrayList<>();
    for (BundleContributions c : contributions()) {
      if (!plugins && !c.pluginIds().isEmpty()) {
        continue;
      }
      if (c.error() != null) {
        throw c.error();
      }
      if (c.schema() != null) {
        out.add(c.schema());
      }
    }
    return out;
  }

  /** Whether a bundle that provides a plugin ships a schema (or a broken one). */
  boolean hasPluginSchemas() {
    return contributions().stream().anyMatch(c -> !c.pluginIds().isEmpty() && (c.schema() != null || c.error() != null));
  }

  Set<String> pluginIds() {
    Set<String> ids = new TreeSet<>();
    contributions().forEach(c -> ids.addAll(c.pluginIds()));
    return ids;
  }

  private Collection<BundleContributions> contributions() {
    // in bundle id order: schemas are validated, and errors reported, in a stable order
    return new TreeMap<>(current).values();
  }
}
