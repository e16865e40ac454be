package dev.greenroom.backend.runtime.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The groups DeployStarts resolves and starts one after another (issue 15, round 4): libraries
 * first, then one group per plugin id in id order, each in bundle id order; fragments are left to
 * their hosts.
 */
class DeployStartsTest {
  @Test
  void librariesFirstThenOnePluginAtATimeInIdOrder() {
    Bundle p1 = bundle(10, "p1", null);
    Bundle p0m1 = bundle(11, "p0", "m1");
    Bundle library = bundle(12, null, null);
    Bundle p0 = bundle(9, "p0", null);
    Bundle p0m0 = bundle(13, "p0", "m0");
    Bundle p1m0 = bundle(14, "p1", "m0");
    Bundle fragment = fragment(15);

    List<List<Bundle>> groups = DeployStarts.grouped(List.of(p1, p0m1, library, p0, p0m0, p1m0, fragment));

    assertEquals(List.of(List.of(library), List.of(p0, p0m1, p0m0), List.of(p1, p1m0)), groups);
  }

  @Test
  void nothingInstalledNothingToStart() {
    assertEquals(List.of(), DeployStarts.grouped(List.of()));
  }

  private static Bundle fragment(long id) {
    Hashtable<String, String> headers = new Hashtable<>(Map.of(Constants.FRAGMENT_HOST, "host"));
    return proxy(Bundle.class, (name, args) -> switch (name) {
      case "getHeaders" -> headers;
      case "getBundleId" -> id;
      case "hashCode" -> (int) id;
      case "toString" -> "fragment " + id;
      default -> null;
    });
  }

  /** A bundle with bundle id {@code id} declaring plugin {@code plugin}'s feature (module {@code module}), or none. */
  private static Bundle bundle(long id, String plugin, String module) {
    List<BundleCapability> caps = plugin == null ? List.of() : List.of(proxy(BundleCapability.class, (name, args) ->
        "getAttributes".equals(name)
            ? (module == null ? Map.of(FeatureNamespace.PLUGIN_ID, plugin) : Map.of(FeatureNamespace.PLUGIN_ID, plugin, FeatureNamespace.MODULE_ID, module))
            : null));
    BundleRevision revision = proxy(BundleRevision.class, (name, args) -> "getDeclaredCapabilities".equals(name) ? caps : null);
    return proxy(Bundle.class, (name, args) -> switch (name) {
      case "getHeaders" -> new Hashtable<String, String>();
      case "adapt" -> args[0] == BundleRevision.class ? revision : null;
      case "getBundleId" -> id;
      case "hashCode" -> (int) id;
      case "toString" -> "bundle " + id;
      default -> null;
    });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T) Proxy.newProxyInstance(DeployStartsTest.class.getClassLoader(), new Class<?>[] {type},
        (p, m, args) -> "equals".equals(m.getName()) ? p == args[0] : answer.answer(m.getName(), args));
  }
}
