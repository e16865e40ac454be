package dev.greenroom.backend.runtime.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployGuardTest {
  @TempDir Path dir;
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private Optional<String> installedElsewhere = Optional.empty();
  private final DeployGuard guard = new DeployGuard((jar, file) -> installedElsewhere, () -> new Recorder(logged));

  @Test
  void corruptJarIsLoggedOncePerContentAndForgottenWhenItReads() throws IOException {
    Path jar = dir.resolve("half.jar");
    Files.write(jar, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    assertFalse(guard.claims(jar.toFile()));
    assertFalse(guard.claims(jar.toFile()));
    assertEquals(1, logged.size());
    assertTrue(logged.get(0).startsWith("Ignored half.jar: not a readable jar ("), logged.get(0));
    assertTrue(logged.get(0).endsWith("); it is retried when the file changes"), logged.get(0));
    assertEquals(List.of(logged.get(0)), guard.problems().stream().map(p -> p.message()).toList());
    assertEquals(DeployProblemDTO.ReasonCode.CORRUPT_JAR, guard.problems().get(0).code());
    assertEquals(null, guard.problems().get(0).bundle());

    Files.write(jar, new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9});
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
    assertFalse(guard.claims(jar.toFile()));
    assertEquals(2, logged.size(), "a changed but still corrupt file is reported again");

    bundleJar(jar, "b.one", "1.2");
    assertFalse(guard.claims(jar.toFile()), "a good jar that collides with nothing is FileInstall's");
    assertEquals(List.of(), guard.problems());
  }

  @Test
  void sameNameAndVersionFromAnotherFileIsRefusedNamingBothFiles() throws IOException {
    Path jar = bundleJar(dir.resolve("copy.jar"), "b.one;singleton:=true", "1.2");
    assertFalse(guard.claims(jar.toFile()));
    installedElsewhere = Optional.of("original.jar");
    assertTrue(guard.claims(jar.toFile()));
    guard.refuse(jar.toFile());
    String message = "Refused copy.jar: bundle b.one 1.2.0 is already installed from original.jar";
    assertEquals(List.of(message), logged);
    assertEquals(List.of(message), guard.problems().stream().map(p -> p.message()).toList());
    assertEquals(DeployProblemDTO.ReasonCode.DUPLICATE_BUNDLE, guard.problems().get(0).code());
    assertEquals("b.one 1.2.0", guard.problems().get(0).bundle());
    guard.forget(jar.toFile());
    assertEquals(List.of(), guard.problems());
  }

  @Test
  void versionsPrintAsOsgiDoes() {
    assertEquals("0.0.0", DeployedJar.normalize(null));
    assertEquals("1.0.0", DeployedJar.normalize("1"));
    assertEquals("0.1.0.SNAPSHOT", DeployedJar.normalize("0.1.0.SNAPSHOT"));
  }

  private static Path bundleJar(Path target, String bsn, String version) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
    m.getMainAttributes().putValue("Bundle-Version", version);
    try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.flush();
    }
    return target;
  }

  private record Recorder(List<String> lines) implements LoggerService {
    @Override public void error(String message, Throwable error) { lines.add(message); }
    @Override public void warn(String message, Throwable error) { lines.add(message); }
    @Override public void info(String message, Throwable error) {}
    @Override public void debug(String message, Throwable error) {}
    @Override public LoggerService child(Map<String, String> meta) { return this; }
  }


  @Test
  void aPaxWebConfigThatWouldStopTheServerIsRefusedOnceAndAGoodOneGoesToConfigAdmin() throws Exception {
    java.io.File cfg = dir.resolve("org.ops4j.pax.web.cfg").toFile();
    java.nio.file.Files.writeString(cfg.toPath(), "org.osgi.service.http.port = not-a-port\n");

    assertTrue(guard.claims(cfg), "claimed, so FileInstall does not hand it to ConfigAdmin");
    guard.refuse(cfg);
    guard.refuse(cfg); // FileInstall asks again: one log line
    assertEquals(1, logged.size());
    assertEquals("Refused org.ops4j.pax.web.cfg: org.osgi.service.http.port = 'not-a-port' would stop the HTTP server"
        + " of every plugin (expected a port number 0-65535); the running configuration is kept", logged.get(0));
    assertEquals(dev.greenroom.backend.runtime.state.DeployProblemDTO.ReasonCode.INVALID_CONFIG, guard.problems().get(0).code());

    java.nio.file.Files.writeString(cfg.toPath(), "org.osgi.service.http.port = 8181\norg.ops4j.pax.web.server.maxThreads = 50\n");
    assertFalse(guard.claims(cfg), "a good one is FileInstall's (ConfigAdmin)");
    guard.forget(cfg);
    assertTrue(guard.problems().isEmpty());
    java.nio.file.Files.writeString(cfg.toPath(), "org.ops4j.pax.web.server.maxThreads = 0\n");
    assertTrue(guard.claims(cfg));
    java.nio.file.Files.writeString(dir.resolve("other.cfg"), "org.osgi.service.http.port = nonsense\n");
    assertFalse(guard.claims(dir.resolve("other.cfg").toFile()), "other PIDs are their services' business");
  }
}
