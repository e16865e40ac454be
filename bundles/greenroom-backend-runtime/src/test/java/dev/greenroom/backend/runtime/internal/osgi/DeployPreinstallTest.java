package dev.greenroom.backend.runtime.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What FileInstall's first scan needs to adopt a bundle installed before it (instead of updating
 * it): the checksum its scanner computes for the file, and the jars taken at all.
 */
class DeployPreinstallTest {
  @TempDir Path dir;

  @Test
  void theChecksumIsTheOneFileInstallsScannerComputes() throws Exception {
    File jar = bundle("p0.jar", "p0", "1.0.0").toFile();
    // FileInstall 3.7.4's own (package-private) Scanner.checksum(File): what its first scan compares
    Class<?> scanner = Class.forName("org.apache.felix.fileinstall.internal.Scanner");
    Method checksum = scanner.getDeclaredMethod("checksum", File.class);
    checksum.setAccessible(true);
    long theirs = (long) checksum.invoke(null, jar);
    assertEquals(theirs, DeployPreinstall.scannerChecksum(jar));

    // a change of the file (here its time) is a change for FileInstall: it updates the bundle
    assertEquals(true, jar.setLastModified(jar.lastModified() - 10_000));
    assertNotEquals(theirs, DeployPreinstall.scannerChecksum(jar));
    assertEquals((long) checksum.invoke(null, jar), DeployPreinstall.scannerChecksum(jar));
  }

  @Test
  void theLocationIsTheOneFileInstallInstallsFrom() throws Exception {
    File jar = new File("deploy", "p0.jar"); // relative, as felix.fileinstall.dir=deploy gives it
    assertEquals(jar.toURI().toURL().toString(), DeployPreinstall.location(jar));
    assertEquals(true, DeployPreinstall.location(jar).startsWith("file:/"));
  }

  @Test
  void takesReadableBundlesOnlyAndLeavesTheRestToFileInstall() throws Exception {
    Path p0 = bundle("p0.jar", "p0", "1.0.0");
    Path m0 = bundle("p0-m0.jar", "p0.m0", "1.0");
    bundle("twin-a.jar", "twin", "1.0.0");
    bundle("twin-b.jar", "twin", "1.0.0"); // the same bundle twice: the guard's case, not taken
    Path refused = bundle("refused.jar", "refused", "1.0.0");
    Files.writeString(dir.resolve("half.jar"), "not a zip"); // corrupt
    Files.writeString(dir.resolve("app.cfg"), "a=b"); // ConfigAdmin's
    jar("plain.jar", new Manifest()); // a jar, not a bundle

    List<File> taken = DeployPreinstall.jars(dir.toFile(), (f, jar) -> f.toPath().equals(refused));

    assertEquals(List.of(m0.toFile(), p0.toFile()), taken);
  }

  @Test
  void anEmptyOrMissingFolderHasNothingToTake() {
    assertEquals(List.of(), DeployPreinstall.jars(dir.toFile(), (f, jar) -> false));
    assertEquals(List.of(), DeployPreinstall.jars(dir.resolve("missing").toFile(), (f, jar) -> false));
  }

  private Path bundle(String name, String bsn, String version) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
    m.getMainAttributes().putValue("Bundle-Version", version);
    return jar(name, m);
  }

  private Path jar(String name, Manifest m) throws IOException {
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Path p = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(p); JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.flush();
    }
    return p;
  }
}
