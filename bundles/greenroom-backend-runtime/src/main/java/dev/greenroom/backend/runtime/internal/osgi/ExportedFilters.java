package dev.greenroom.backend.runtime.internal.osgi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Package-import filters some installed bundle is known to export, for {@link
 * UnresolvedRequirements}: the 600 bundles of a 100x5 deploy folder import the same few API
 * packages, so each filter is looked up once, not once per bundle (issue 15). Only positive answers
 * are kept, and exports only disappear when a bundle is uninstalled, updated or unresolved (a
 * refresh): any of those forgets everything. A generation number keeps an answer computed before
 * such an event from being stored after it.
 */
final class ExportedFilters implements SynchronousBundleListener {
  private final Set<String> exported = ConcurrentHashMap.newKeySet();
  private final AtomicLong generation = new AtomicLong();

  long generation() {
    return generation.get();
  }

  boolean known(String filter) {
    return exported.contains(filter);
  }

  /** Records that {@code filter} had a provider, if nothing left since {@code seenGeneration}. */
  void exported(String filter, long seenGeneration) {
    exported.add(filter);
    if (generation.get() != seenGeneration) {
      exported.clear(); // something left meanwhile: the answer may be stale
    }
  }

  @Override
  public void bundleChanged(BundleEvent event) {
    int type = event.getType();
    if (type == BundleEvent.UNINSTALLED || type == BundleEvent.UPDATED || type == BundleEvent.UNRESOLVED) {
      generation.incrementAndGet();
      exported.clear();
    }
  }
}
