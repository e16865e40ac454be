package dev.greenroom.backend.runtime.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRevisions;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Which refreshes end an update, as Felix and FileInstall send them (see {@link PendingRefreshes}). */
class PendingRefreshesTest {
  final List<Boolean> changes = new ArrayList<>();
  final PendingRefreshes refreshes = new PendingRefreshes(b -> b.getLocation().contains("/deploy/"), changes::add);

  @Test
  void fileInstallsUpdateOfAModuleEndsWithTheSecondRefreshFelixsOwnFirst() {
    refreshes.bundleChanged(updated(bundle("file:/srv/deploy/todo-validator.jar", false)));
    assertEquals(List.of(true), changes);
    refreshes.frameworkEvent(refreshed()); // Felix, inside update(): nothing was wired to the bundle
    assertEquals(List.of(true), changes, "FileInstall's refresh of its pass is still to come");
    refreshes.frameworkEvent(refreshed()); // FileInstall's
    assertEquals(List.of(true, false), changes);
  }

  @Test
  void anUpdatedBundleOthersAreWiredToWaitsOnlyForFileInstallsRefresh() {
    refreshes.bundleChanged(updated(bundle("file:/srv/deploy/todo-plugin.jar", true)));
    refreshes.frameworkEvent(refreshed());
    assertEquals(List.of(true, false), changes);
  }

  @Test
  void twoUpdatesInOnePassWaitForBothOfFelixsRefreshesAndTheOneOfThePass() {
    refreshes.bundleChanged(updated(bundle("file:/srv/deploy/a.jar", false)));
    refreshes.frameworkEvent(refreshed());
    refreshes.bundleChanged(updated(bundle("file:/srv/deploy/b.jar", false)));
    refreshes.frameworkEvent(refreshed());
    assertEquals(List.of(true), changes);
    refreshes.frameworkEvent(refreshed());
    assertEquals(List.of(true, false), changes);
  }

  @Test
  void anUpdateByHandOutsideTheFolderEndsWithFelixsRefreshOrAtOnce() {
    refreshes.bundleChanged(updated(bundle("mvn:dev.greenroom/todo/1.0", false)));
    refreshes.frameworkEvent(refreshed());
    assertEquals(List.of(true, false), changes);
    changes.clear();
    refreshes.bundleChanged(updated(bundle("mvn:dev.greenroom/todo/1.0", true)));
    assertEquals(List.of(), changes, "no refresh is known to come: nothing to wait for");
  }

  @Test
  void otherEventsChangeNothing() {
    refreshes.frameworkEvent(refreshed());
    refreshes.bundleChanged(new BundleEvent(BundleEvent.STARTED, bundle("file:/srv/deploy/a.jar", false)));
    refreshes.frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTLEVEL_CHANGED, bundle("system", false), null));
    assertEquals(List.of(), changes);
  }

  @Test
  void aWiredRevisionIsADependentAndAnUnwiredOneIsNot() {
    assertTrue(PendingRefreshes.hasDependents(bundle("x", true)));
    assertFalse(PendingRefreshes.hasDependents(bundle("x", false)));
  }

  private static BundleEvent updated(Bundle b) {
    return new BundleEvent(BundleEvent.UPDATED, b);
  }

  private static FrameworkEvent refreshed() {
    return new FrameworkEvent(FrameworkEvent.PACKAGES_REFRESHED, bundle("system", false), null);
  }

  /** A bundle with one resolved revision, wired to by another bundle when {@code dependents}. */
  private static Bundle bundle(String location, boolean dependents) {
    BundleWiring wiring = proxy(BundleWiring.class, (name, args) -> switch (name) {
      case "getProvidedWires" -> dependents ? List.of(proxy(BundleWire.class, (n, a) -> null)) : List.of();
      case "getRequiredWires" -> List.of();
      default -> null;
    });
    BundleRevision revision = proxy(BundleRevision.class, (name, args) -> switch (name) {
      case "getWiring" -> wiring;
      case "getTypes" -> 0;
      default -> null;
    });
    BundleRevisions revisions = proxy(BundleRevisions.class, (name, args) -> "getRevisions".equals(name) ? List.of(revision) : null);
    return proxy(Bundle.class, (name, args) -> switch (name) {
      case "getLocation" -> location;
      case "adapt" -> args[0] == BundleRevisions.class ? revisions : null;
      case "getBundleId" -> 42L;
      case "hashCode" -> System.identityHashCode(location);
      default -> null;
    });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T) Proxy.newProxyInstance(PendingRefreshesTest.class.getClassLoader(), new Class<?>[] {type},
        (p, m, args) -> answer.answer(m.getName(), args));
  }
}
