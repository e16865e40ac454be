package dev.greenroom.backend.runtime.internal.osgi;

import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRequirement;

/**
 * Notices every resolve the framework attempts, so that {@link DeployFolder} looks again after
 * it. A failed resolve (FileInstall starting a bundle whose package nobody exports) fires no
 * event at all, only an exception FileInstall swallows; the resolver hooks' {@code end()} is the
 * one signal there is. The hook restricts nothing. The look itself runs afterwards on its own
 * thread: the framework holds its resolver lock during {@code end()}, and a burst of resolves
 * (a refresh, or FileInstall starting a folder of hundreds of bundles one by one) needs one look,
 * not one each. So the look runs {@link #SETTLE_MILLIS} after the first resolve of a burst and
 * sees every resolve until then: a look costs O(bundles), and one per resolve made a start with
 * N bundles in the folder O(N^2) (issue 15, bench/README.md).
 */
final class ResolveAttempts implements ResolverHookFactory, AutoCloseable {
  private final DeployFolder folder;
  private final AtomicBoolean pending = new AtomicBoolean();
  static final long SETTLE_MILLIS = 100;

  private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "greenroom-deploy-check");
    t.setDaemon(true);
    return t;
  });

  ResolveAttempts(DeployFolder folder) {
    this.folder = folder;
  }

  @Override
  public ResolverHook begin(Collection<BundleRevision> triggers) {
    folder.resolving(triggers);
    return new ResolverHook() {
      @Override
      public void filterResolvable(Collection<BundleRevision> candidates) {}

      @Override
      public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {}

      @Override
      public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {}

      @Override
      public void end() {
        requestCheck();
      }
    };
  }

  private void requestCheck() {
    if (!pending.compareAndSet(false, true)) {
      return; // a look is queued and will see this resolve's outcome too
    }
    try {
      checker.schedule(() -> {
        pending.set(false);
        folder.check();
      }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      pending.set(false);
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
