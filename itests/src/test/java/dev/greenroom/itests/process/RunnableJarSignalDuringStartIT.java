package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * A signal while the exported runtime.jar is still starting (a container stopped during a rolling
 * deploy, Ctrl-C on a slow start) stops it cleanly: exit 0, no warning or error, every plugin that
 * began its init finished it and ran its shutdown hooks. Backstage's stop waits for its start to
 * settle (packages/backend-app-api/src/wiring/BackendInitializer.ts, {@code #doStop}). Before:
 * a signal during the start levels stopped the framework under FileInstall's first scan (one
 * "Failed to install artifact ... The framework has been shutdown" error with its stack trace per
 * jar of deploy/ not installed yet), and a signal while plugins initialised ran the shutdown hooks
 * under their inits (one "threw an error during startup" per plugin: "Attempt to add before
 * shutdown hook after shutdown has started").
 */
public class RunnableJarSignalDuringStartIT {
  private static final Duration EXIT = Duration.ofSeconds(90);
  private static final Duration SEEN = Duration.ofSeconds(60);
  /** Enough bundles in deploy/ that the launch-time install is still going when the signal comes. */
  private static final int FILLERS = 300;

  @Test
  public void aSignalDuringTheStartLevelsStopsCleanly() throws Exception {
    Path dir = RunnableJar.workDir("signal-during-launch");
    RunnableJar.deploy(dir, "recorder-plugin");
    fillers(dir, FILLERS);
    int port = RunnableJar.freePort();
    Path record = dir.resolve("record.txt");
    Path cache = Files.createDirectories(dir.resolve("cache"));
    // bin/greenroom, the README's command: the framework's cache in a folder it names (with a plain
    // java -jar, bnd's launcher deletes its own temporary one as the signal comes, under the launch)
    try (RunnableJar jar = RunnableJar.startWithLauncher(dir, port, RunnableJar.appConfig(port, ""),
        java.util.Map.of("GREENROOM_STORAGE", cache.toString(), "JAVA_OPTS", "-Dgreenroom.itest.record=" + record))) {
      // the runtime (start level 3) is installing deploy/ ahead of FileInstall (5): the 120th bundle
      // of the framework's cache is one of the fillers (the launch has about 75)
      awaitBundleInStorage(cache, 120);
      jar.terminate();

      assertEquals("exit code; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      String out = jar.output();
      RunnableJar.assertNoWarnOrErrorLines(out);
      assertNoStackTrace(out);
      assertRecorderStoppedIfItStarted(out, record);
    }
  }

  @Test
  public void aSignalWhilePluginsInitialiseLetsTheirInitsFinishThenRunsTheirShutdownHooks() throws Exception {
    Path dir = RunnableJar.workDir("signal-during-inits");
    RunnableJar.deploy(dir, "recorder-plugin");
    int port = RunnableJar.freePort();
    Path record = dir.resolve("record.txt");
    try (RunnableJar jar = RunnableJar.startWithLauncher(dir, port, RunnableJar.appConfig(port, ""),
        java.util.Map.of("JAVA_OPTS", "-Dgreenroom.itest.record=" + record))) {
      // the example plugin's init (H2, its migrations, the scheduler) takes a few hundred ms from here
      awaitOutput(jar, "Plugin initialization started");
      jar.terminate();

      assertEquals("exit code; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      String out = jar.output();
      RunnableJar.assertNoWarnOrErrorLines(out);
      assertNoStackTrace(out);
      assertFalse("no plugin failed its start; output:\n" + out, out.contains("threw an error during startup"));
      if (out.contains("Plugin 'example' is running")) {
        assertTrue("the example plugin's shutdown hook ran; output:\n" + out, out.contains("example plugin shutting down"));
      }
      assertRecorderStoppedIfItStarted(out, record);
    }
  }

  /** Bundles with a manifest only (no plugin, nothing to start), named apart. */
  private static void fillers(Path workDir, int n) throws IOException {
    Path deploy = Files.createDirectories(workDir.resolve("deploy"));
    for (int i = 0; i < n; i++) {
      Manifest manifest = new Manifest();
      Attributes main = manifest.getMainAttributes();
      main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      main.putValue("Bundle-ManifestVersion", "2");
      main.putValue("Bundle-SymbolicName", "itest.filler." + i);
      main.putValue("Bundle-Version", "1.0.0");
      try (OutputStream out = Files.newOutputStream(deploy.resolve(String.format("filler-%03d.jar", i)));
          JarOutputStream jar = new JarOutputStream(out, manifest)) {
        // the manifest is the whole bundle
      }
    }
  }

  private static void assertRecorderStoppedIfItStarted(String out, Path record) throws IOException {
    if (!out.contains("Plugin 'recorder' is running")) {
      return; // the signal came before the recorder's init began: nothing to undo
    }
    List<String> lines = Files.exists(record) ? Files.readAllLines(record, StandardCharsets.UTF_8) : List.of();
    assertTrue("the recorder's shutdown hook ran after its init; recorded " + lines + "; output:\n" + out,
        lines.contains("plugin recorder shutdown"));
  }

  private static void awaitBundleInStorage(Path tmp, int bundleId) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + SEEN.toNanos();
    while (true) {
      try (var found = Files.find(tmp, 3, (p, a) -> p.getFileName().toString().equals("bundle" + bundleId))) {
        if (found.findAny().isPresent()) {
          return;
        }
      } catch (java.io.UncheckedIOException changing) {
        // the launcher is writing there: look again
      }
      assertTrue("bundle " + bundleId + " not installed within " + SEEN, System.nanoTime() < deadline);
      Thread.sleep(5);
    }
  }

  private static void awaitOutput(RunnableJar jar, String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + SEEN.toNanos();
    while (!jar.output().contains(fragment)) {
      assertTrue("the runtime exited before printing '" + fragment + "'; output:\n" + jar.output(), jar.isAlive());
      assertTrue("'" + fragment + "' not printed within " + SEEN + "; output:\n" + jar.output(), System.nanoTime() < deadline);
      Thread.sleep(5);
    }
  }

  private static void assertNoStackTrace(String out) {
    assertFalse("a stack trace in the output:\n" + out, Pattern.compile("(?m)^\\s+at \\S+\\(").matcher(out).find());
  }
}
