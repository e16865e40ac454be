package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.FeatureIds;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Reads the {@code greenroom.feature} capabilities a bundle declares. A malformed one is reported
 * (naming the bundle) and skipped; the bundle's other capabilities still count.
 */
final class FeatureCapabilities {
  private FeatureCapabilities() {}

  /**
   * @param malformed receives (the capability's plugin id if that part is valid, else null; the
   *     message) for each malformed capability
   */
  static List<DeclaredFeature> of(Bundle bundle, BiConsumer<String, String> malformed) {
    List<DeclaredFeature> out = new ArrayList<>();
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    if (revision == null) {
      return out;
    }
    for (BundleCapability cap : revision.getDeclaredCapabilities(FeatureNamespace.NAMESPACE)) {
      Map<String, Object> attrs = cap.getAttributes();
      Object pluginId = attrs.get(FeatureNamespace.PLUGIN_ID);
      Object moduleId = attrs.get(FeatureNamespace.MODULE_ID);
      String problem = problem(pluginId, moduleId);
      if (problem != null) {
        String validPlugin = pluginId instanceof String p && FeatureIds.isValid(p) ? p : null;
        malformed.accept(validPlugin, "Bundle " + BundleNames.of(bundle) + " declares a malformed " + FeatureNamespace.NAMESPACE
            + " capability (" + problem + "); it is ignored");
        continue;
      }
      out.add(new DeclaredFeature((String) pluginId, (String) moduleId, bundle));
    }
    return out;
  }

  /** The plugin id the bundle belongs to (from its first well-formed capability), or null. */
  static String pluginOf(Bundle bundle) {
    List<DeclaredFeature> declared = of(bundle, (p, m) -> {});
    return declared.isEmpty() ? null : declared.get(0).pluginId();
  }

  private static String problem(Object pluginId, Object moduleId) {
    if (!(pluginId instanceof String p) || p.isEmpty()) {
      return FeatureNamespace.PLUGIN_ID + " is missing or not a string";
    }
    if (!FeatureIds.isValid(p)) {
      return FeatureNamespace.PLUGIN_ID + " '" + p + "' does not match " + FeatureIds.ID_PATTERN;
    }
    if (moduleId != null && (!(moduleId instanceof String m) || !FeatureIds.isValid(m))) {
      return FeatureNamespace.MODULE_ID + " '" + moduleId + "' is not a valid module id";
    }
    return null;
  }
}
