package dev.greenroom.backend.runtime.internal.osgi;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRevisions;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Tells the coordinators while a bundle update is not over: from a bundle's {@code UPDATED} event
 * to the last {@code PACKAGES_REFRESHED} that belongs to it. A restarting plugin holds its start
 * meanwhile ({@code PluginMachine.refreshPending}), so one hot deploy is one restart, started as
 * soon as the update is over instead of after a fixed quiet period.
 *
 * <p>Why a plugin would otherwise start twice: FileInstall stops an updated bundle transiently,
 * updates it, refreshes and starts it ({@code DirectoryWatcher.doProcess}: "uninstall, update,
 * install, refresh &amp; start"), but bnd's launcher sets every bundle's start level again at its
 * {@code UPDATED} event ({@code aQute.lib.startlevel.StartLevelRuntimeHandler}), so Felix's
 * start-level thread starts the persistently started bundle before FileInstall's refresh, which
 * stops and starts it once more.
 *
 * <p>Which refreshes belong to an update: Felix refreshes an updated bundle at once, inside
 * {@code update()}, when no other bundle is wired to it ({@code Felix.updateBundle}); FileInstall
 * then refreshes every bundle of its pass in one call. So each such update expects one refresh of
 * its own, and a pass of FileInstall's (a bundle from its folder updated) one more, the last. An
 * update by hand ({@code update} in the shell) expects only Felix's; a {@code refresh} typed later
 * restarts the plugin again, as it restarts every dependent. A refresh that never comes holds the
 * plugin no longer than {@code greenroom.restart.settle}.
 *
 * <p>Synchronous, because Felix fires {@code UPDATED} while it holds the bundle's lock, so the
 * start-level thread cannot start the bundle before this has counted the update; {@code
 * PACKAGES_REFRESHED} events come in order on the framework's event thread.
 */
final class PendingRefreshes implements SynchronousBundleListener, FrameworkListener {
  private final Predicate<Bundle> fromDeployFolder;
  private final Consumer<Boolean> onChange;
  /** Felix's own refreshes still to come for updates seen. */
  private int immediateRefreshes;
  /** FileInstall updated a bundle of its folder: its refresh of the pass is still to come. */
  private boolean passRefresh;

  PendingRefreshes(Predicate<Bundle> fromDeployFolder, Consumer<Boolean> onChange) {
    this.fromDeployFolder = fromDeployFolder;
    this.onChange = onChange;
  }

  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() != BundleEvent.UPDATED) {
      return;
    }
    Bundle bundle = event.getBundle();
    boolean immediate = !hasDependents(bundle);
    boolean pass = fromDeployFolder.test(bundle);
    // under the lock, so that a refresh on another thread cannot overtake the news
    // (onChange only queues an input per plugin)
    synchronized (this) {
      boolean wasPending = pending();
      immediateRefreshes += immediate ? 1 : 0;
      passRefresh |= pass;
      if (!wasPending && pending()) {
        onChange.accept(true);
      }
    }
  }

  @Override
  public void frameworkEvent(FrameworkEvent event) {
    if (event.getType() != FrameworkEvent.PACKAGES_REFRESHED) {
      return;
    }
    synchronized (this) {
      if (!pending()) {
        return;
      }
      if (immediateRefreshes > 0) {
        immediateRefreshes--;
      } else {
        passRefresh = false;
      }
      if (!pending()) {
        onChange.accept(false);
      }
    }
  }

  private boolean pending() {
    return immediateRefreshes > 0 || passRefresh;
  }

  /**
   * Whether another bundle is wired to any revision of {@code bundle} (Felix's condition for not
   * refreshing it at once, {@code BundleRevisionDependencies.hasDependents}); a fragment attached
   * to a host counts.
   */
  static boolean hasDependents(Bundle bundle) {
    BundleRevisions revisions = bundle.adapt(BundleRevisions.class);
    if (revisions == null) {
      return false;
    }
    for (BundleRevision revision : revisions.getRevisions()) {
      BundleWiring wiring = revision.getWiring();
      if (wiring == null) {
        continue;
      }
      boolean fragment = (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
      if (fragment ? !wiring.getRequiredWires(BundleRevision.HOST_NAMESPACE).isEmpty()
          : !wiring.getProvidedWires(null).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
