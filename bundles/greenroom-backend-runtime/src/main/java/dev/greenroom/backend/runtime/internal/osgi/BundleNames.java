package dev.greenroom.backend.runtime.internal.osgi;

import org.osgi.framework.Bundle;

/** How bundles are named in messages: {@code <bsn> <version> [<id>]}. */
final class BundleNames {
  private BundleNames() {}

  static String of(Bundle bundle) {
    if (bundle == null) {
      return "<unknown bundle>";
    }
    return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
  }
}
