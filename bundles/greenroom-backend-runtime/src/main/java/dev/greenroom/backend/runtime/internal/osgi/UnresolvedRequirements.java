package dev.greenroom.backend.runtime.internal.osgi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;

/**
 * Why an installed bundle cannot resolve, in words: its mandatory package imports that no
 * installed bundle exports. The framework says so only in the exception of a start attempt (which
 * FileInstall swallows), so the runtime looks for itself. Package imports are by far the common
 * case; other requirements are left to the framework's own diagnostics ({@code diag} in Felix).
 */
final class UnresolvedRequirements {
  private UnresolvedRequirements() {}

  /** Null if every mandatory package import of {@code bundle} is exported by an installed bundle. */
  static String of(BundleContext context, Bundle bundle) {
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    if (revision == null) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    Bundle[] all;
    try {
      all = context.getBundles();
    } catch (IllegalStateException stopping) {
      return null;
    }
    for (BundleRequirement req : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
      if (Namespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
        continue;
      }
      String filter = req.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
      if (filter != null && !exported(all, bundle, filter)) {
        missing.add(PackageNamespace.PACKAGE_NAMESPACE + "; " + filter);
      }
    }
    return missing.isEmpty() ? null
        : "bundle " + BundleNames.of(bundle) + " cannot resolve: missing requirement " + String.join(", ", missing);
  }

  private static boolean exported(Bundle[] all, Bundle requirer, String filterText) {
    Filter filter;
    try {
      filter = FrameworkUtil.createFilter(filterText);
    } catch (InvalidSyntaxException e) {
      return true; // the framework will say what is wrong with it
    }
    for (Bundle b : all) {
      if (b.getState() == Bundle.UNINSTALLED) {
        continue;
      }
      BundleRevision r = b.adapt(BundleRevision.class);
      if (r == null) {
        continue;
      }
      for (BundleCapability cap : r.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
        Map<String, Object> attrs = cap.getAttributes();
        if (filter.matches(attrs)) {
          return true;
        }
      }
    }
    return false; // the system bundle's exports are in bundle 0's revision, checked above
  }
}
