package dev.greenroom.backend.runtime.internal.deploy;

import java.io.File;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** What a file in the hot-deploy folder is: a bundle, a corrupt jar, or something else. */
public sealed interface DeployedJar {
  /** A readable jar whose manifest names a bundle. */
  record BundleJar(String symbolicName, String version) implements DeployedJar {}

  /** A {@code .jar} that cannot be read as a jar (half-copied, truncated, not a zip). */
  record Corrupt(String reason) implements DeployedJar {}

  /** Not a jar, or a jar without Bundle-SymbolicName: none of our business. */
  record Other() implements DeployedJar {}

  static DeployedJar inspect(File file) {
    if (!file.getName().endsWith(".jar") || !file.isFile()) {
      return new Other();
    }
    try (JarFile jar = new JarFile(file)) {
      Manifest manifest = jar.getManifest();
      Attributes main = manifest == null ? null : manifest.getMainAttributes();
      String bsn = main == null ? null : main.getValue("Bundle-SymbolicName");
      if (bsn == null) {
        return new Other();
      }
      String version = main.getValue("Bundle-Version");
      return new BundleJar(bsn.split(";")[0].trim(), normalize(version));
    } catch (IOException | RuntimeException e) {
      return new Corrupt(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** The OSGi form of a version ({@code 1.2} is {@code 1.2.0}), as Bundle.getVersion() prints it. */
  static String normalize(String version) {
    if (version == null || version.isBlank()) {
      return "0.0.0";
    }
    String[] parts = version.trim().split("\\.", 4);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      out.append(i > 0 ? "." : "").append(i < parts.length ? parts[i] : "0");
    }
    return parts.length == 4 ? out + "." + parts[3] : out.toString();
  }
}
