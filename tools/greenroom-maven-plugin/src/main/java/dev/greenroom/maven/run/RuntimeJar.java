package dev.greenroom.maven.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A runnable Greenroom jar exported by bnd (bnd.executablejar, e.g. {@code runtime-base.jar}): the
 * bundles it starts, read from its {@code launcher.properties} ({@code launch.runbundles.attrs}),
 * so {@code greenroom:run} does not deploy a second copy of a bundle the runtime already has.
 */
public final class RuntimeJar {
  private final Path path;
  private final Map<String, String> bundles;

  private RuntimeJar(Path path, Map<String, String> bundles) {
    this.path = path;
    this.bundles = bundles;
  }

  /** Reads {@code jar}; fails naming it when it is not a bnd executable jar. */
  public static RuntimeJar read(Path jar) throws IOException {
    Properties launcher = new Properties();
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry entry = file.getEntry("launcher.properties");
      if (entry == null) {
        throw new IOException(jar + " is not a Greenroom runtime jar (no launcher.properties: export a .bndrun "
            + "with bnd's executable jar exporter)");
      }
      try (InputStream in = file.getInputStream(entry)) {
        launcher.load(in);
      }
    }
    Map<String, String> bundles = new HashMap<>();
    String attrs = launcher.getProperty("launch.runbundles.attrs", "");
    for (String clause : attrs.split(",")) {
      String[] parts = clause.split(";");
      if (parts[0].isBlank()) {
        continue;
      }
      String version = "0.0.0";
      for (String p : parts) {
        String t = p.trim();
        if (t.startsWith("version=")) {
          version = t.substring("version=".length()).replace("\"", "");
        }
      }
      bundles.put(parts[0].trim(), version);
    }
    return new RuntimeJar(jar, Map.copyOf(bundles));
  }

  public Path path() {
    return path;
  }

  /** The version of the runtime's bundle {@code symbolicName}, or null when the runtime has none. */
  public String bundleVersion(String symbolicName) {
    return bundles.get(symbolicName);
  }
}
