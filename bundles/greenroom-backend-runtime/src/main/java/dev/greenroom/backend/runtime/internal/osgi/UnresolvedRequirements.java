package dev.greenroom.backend.runtime.internal.osgi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/**
 * Why an installed bundle cannot resolve, in words: its mandatory package imports that no
 * installed bundle exports. The framework says so only in the exception of a start attempt (which
 * FileInstall swallows), so the runtime looks for itself. Package imports are by far the common
 * case; other requirements are left to the framework's own diagnostics ({@code diag} in Felix).
 *
 * <p>Asked for every bundle FileInstall installs, so it first asks the framework's capability
 * index ({@link FrameworkWiring#findProviders}, a lookup by package name): a scan of every
 * installed bundle's exports per import made a start with N bundles in {@code deploy/} O(N^2)
 * (issue 15, bench/README.md). Only when the index has no live provider (a real problem, or an
 * unresolved singleton exporter, which Felix indexes only once selected) does it scan as before.
 */
final class UnresolvedRequirements {
  private UnresolvedRequirements() {}

  /** Null if every mandatory package import of {@code bundle} is exported by an installed bundle. */
  static String of(BundleContext context, Bundle bundle) {
    return of(context, bundle, null);
  }

  /** {@link #of(BundleContext, Bundle)}, remembering filters known to have a provider in {@code known}. */
  static String of(BundleContext context, Bundle bundle, ExportedFilters known) {
    long generation = known == null ? 0 : known.generation();
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    if (revision == null) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    Bundle[] all = null;
    FrameworkWiring wiring;
    try {
      wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    } catch (IllegalStateException stopping) {
      return null;
    }
    for (BundleRequirement req : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
      if (Namespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
        continue;
      }
      String filter = req.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
      if (filter == null || (known != null && known.known(filter))) {
        continue;
      }
      if (indexed(wiring, req)) {
        if (known != null) {
          known.exported(filter, generation);
        }
        continue;
      }
      if (all == null) {
        try {
          all = context.getBundles();
        } catch (IllegalStateException stopping) {
          return null;
        }
      }
      if (!exported(all, bundle, filter)) {
        missing.add(PackageNamespace.PACKAGE_NAMESPACE + "; " + filter);
      }
    }
    return missing.isEmpty() ? null
        : "bundle " + BundleNames.of(bundle) + " cannot resolve: missing requirement " + String.join(", ", missing);
  }

  /** Whether the framework's capability index knows a provider in a bundle that is not uninstalled. */
  private static boolean indexed(FrameworkWiring wiring, BundleRequirement req) {
    if (wiring == null) {
      return false;
    }
    try {
      for (BundleCapability cap : wiring.findProviders(req)) {
        Bundle provider = cap.getRevision().getBundle();
        if (provider != null && provider.getState() != Bundle.UNINSTALLED) {
          return true;
        }
      }
    } catch (RuntimeException e) {
      return false; // the scan below decides
    }
    return false;
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
