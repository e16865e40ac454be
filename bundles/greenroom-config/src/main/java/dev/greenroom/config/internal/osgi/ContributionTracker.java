package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.ConfigSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/** Follows starting/active bundles for config schemas and plugin ids; calls {@code onChange} when they change. */
final class ContributionTracker extends BundleTracker<BundleContributions> {
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
    onChange.run();
    return c;
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, BundleContributions c) {
    onChange.run();
  }

  /** The schemas of all tracked bundles; throws the first broken schema's error. */
  List<ConfigSchema> schemas() {
    List<ConfigSchema> out = new ArrayList<>();
    for (BundleContributions c : contributions()) {
      if (c.error() != null) {
        throw c.error();
      }
      if (c.schema() != null) {
        out.add(c.schema());
      }
    }
    return out;
  }

  Set<String> pluginIds() {
    Set<String> ids = new TreeSet<>();
    contributions().forEach(c -> ids.addAll(c.pluginIds()));
    return ids;
  }

  private Collection<BundleContributions> contributions() {
    return getTracked().values();
  }
}
