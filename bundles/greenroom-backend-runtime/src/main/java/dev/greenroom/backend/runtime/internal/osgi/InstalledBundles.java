package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.runtime.internal.deploy.DeployedJar;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.namespace.PackageNamespace;

/** Questions about the installed bundles that the deploy guard asks. */
final class InstalledBundles {
  private final BundleContext context;

  InstalledBundles(BundleContext context) {
    this.context = context;
  }

  /**
   * Where a bundle with {@code jar}'s symbolic name and version was installed from, when that is
   * not {@code file} itself: the file name for a file location, else the location.
   */
  Optional<String> installedFrom(DeployedJar.BundleJar jar, File file) {
    Path own = file.toPath().toAbsolutePath().normalize();
    for (Bundle b : context.getBundles()) {
      if (b.getState() == Bundle.UNINSTALLED || !jar.symbolicName().equals(b.getSymbolicName())
          || !jar.version().equals(b.getVersion().toString())) {
        continue;
      }
      String location = b.getLocation();
      Optional<Path> path = filePath(location);
      if (path.isPresent() && path.get().toAbsolutePath().normalize().equals(own)) {
        continue; // FileInstall's own bundle of this file: an update, not a duplicate
      }
      return Optional.of(path.map(p -> p.getFileName().toString()).orElse(location));
    }
    return Optional.empty();
  }

  /** The file of a {@code file:} location (FileInstall's form), empty for any other location. */
  static Optional<Path> filePath(String location) {
    try {
      URI uri = URI.create(location);
      return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
    } catch (RuntimeException notAFileUri) {
      return Optional.empty();
    }
  }

  /** Whether our bundle is wired to {@code pkg} (an optional import that may be absent). */
  static boolean importsPackage(BundleContext context, String pkg) {
    BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
    if (wiring == null) {
      return false;
    }
    for (BundleWire w : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
      if (pkg.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
        return true;
      }
    }
    return false;
  }
}
