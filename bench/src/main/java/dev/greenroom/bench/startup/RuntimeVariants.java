package dev.greenroom.bench.startup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * A copy of the exported runtime jar whose launch list ({@code launch.bundles} in bnd's
 * {@code launcher.properties}) leaves some bundles out: the "without the database bundle" launch.
 */
final class RuntimeVariants {
  private RuntimeVariants() {}

  /** Returns the bundles left out (jar paths inside the runtime jar). */
  static List<String> withoutBundles(Path runtimeJar, Path out, List<String> fileNamePrefixes) {
    try (JarInputStream in = new JarInputStream(Files.newInputStream(runtimeJar));
        OutputStream os = Files.newOutputStream(out);
        JarOutputStream jar = in.getManifest() == null ? new JarOutputStream(os) : new JarOutputStream(os, in.getManifest())) {
      List<String> removed = List.of();
      for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals("launcher.properties")) {
          Properties p = new Properties();
          p.load(new ByteArrayInputStream(bytes));
          List<String> all = Arrays.asList(p.getProperty("launch.bundles").split(","));
          removed = all.stream().filter(b -> matches(b, fileNamePrefixes)).toList();
          p.setProperty("launch.bundles", all.stream().filter(b -> !matches(b, fileNamePrefixes)).collect(Collectors.joining(",")));
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          p.store(buf, "greenroom bench: launch list without " + removed);
          bytes = buf.toByteArray();
        }
        JarEntry copy = new JarEntry(e.getName());
        copy.setTime(e.getTime());
        jar.putNextEntry(copy);
        try (InputStream src = new ByteArrayInputStream(bytes)) {
          src.transferTo(jar);
        }
        jar.closeEntry();
      }
      if (removed.isEmpty()) {
        throw new IllegalStateException("no bundle of " + runtimeJar + " matches " + fileNamePrefixes);
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + runtimeJar, e);
    }
  }

  private static boolean matches(String bundlePath, List<String> prefixes) {
    String name = bundlePath.substring(bundlePath.lastIndexOf('/') + 1);
    return prefixes.stream().anyMatch(name::startsWith);
  }
}
