package dev.greenroom.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * greenroom:run's core for real: the base runtime jar (features/target/runtime-base.jar) as a
 * child process on a free loopback port, plugin {@code live} (fixture live-plugin) deployed from a
 * "project" jar, its route answering; the project jar rebuilt (with the fixture's fail marker, then
 * back) is redeployed while the runtime runs and the route follows; SIGTERM ends it with exit 0.
 */
class GreenroomRunIT {
  private static final Duration START = Duration.ofSeconds(120);

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private GreenroomRun run;
  private Path output;

  @AfterEach
  void tearDown() throws Exception {
    if (run != null && run.process() != null && run.process().isAlive()) {
      run.process().stop(Duration.ofSeconds(30));
    }
    executor.shutdownNow();
  }

  @Test
  void runsTheProjectBundleRedeploysItsRebuildsAndStopsWithExitCodeZero() throws Exception {
    Path work = workDir("run");
    Path projectJar = Files.createDirectories(work.resolve("project/target")).resolve("live-plugin-1.0.jar");
    Path fixture = Path.of(System.getProperty("greenroom.test.fixtures.dir", "target/fixtures"), "live-plugin.jar");
    assertTrue(Files.isRegularFile(fixture), "fixture missing: " + fixture);
    Files.copy(fixture, projectJar);
    RuntimeJar runtime = RuntimeJar.read(runtimeJar());
    DeployPlan plan = DeployPlan.of("live-project",
        List.of(new DeployPlan.Artifact("com.acme", "live-plugin", "1.0", projectJar)), List.of(), runtime);
    int port = freePort();
    Path runDir = Files.createDirectories(work.resolve("greenroom-run"));
    output = work.resolve("output.log");
    GreenroomProcess.Options options = new GreenroomProcess.Options(runtime.path(), runDir, work.resolve("project"),
        OptionalInt.of(port), List.of("-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp"))),
        Map.of(ListenPort.VARIABLE, Integer.toString(port)), output);
    List<String> logged = new CopyOnWriteArrayList<>();
    run = new GreenroomRun(options, new LiveDeployer(options.deployDir(), runDir.resolve("staging"), plan.sources()),
        logged::add);
    Future<Integer> exit = executor.submit(run::runUntilExit);

    awaitStatus(port, s -> s == 200, "plugin live to answer 200");
    assertEquals("{\"plugin\":\"live\"}", get(port).body);

    // a rebuild whose init fails: the redeployed plugin answers 503, not the old instance's 200
    writeWithFailMarker(fixture, projectJar);
    awaitStatus(port, s -> s == 503, "the rebuilt (failing) plugin to answer 503");
    // and rebuilt again, fixed
    Files.copy(fixture, projectJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    awaitStatus(port, s -> s == 200, "the fixed rebuild to answer 200 again");
    assertTrue(logged.stream().filter(l -> l.startsWith("Redeployed ")).count() >= 2, logged.toString());

    assertEquals(OptionalInt.of(0), run.stop(), this::output);
    assertEquals(0, exit.get(30, TimeUnit.SECONDS), this::output);
  }

  /** The fixture's jar plus its fail marker (live-fail.txt): plugin live then fails its init (fixture javadoc). */
  private static void writeWithFailMarker(Path fixture, Path target) throws IOException {
    Path tmp = target.resolveSibling("building.tmp");
    try (JarFile in = new JarFile(fixture.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), in.getManifest())) {
      for (JarEntry e : java.util.Collections.list(in.entries())) {
        if (e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF") || e.getName().equals("META-INF/")) {
          continue;
        }
        out.putNextEntry(new JarEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("live-fail.txt"));
      out.write("broken build".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void awaitStatus(int port, IntPredicate wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      if (run.process() != null && !run.process().isAlive()) {
        fail("the runtime exited before " + what + "; output:\n" + output());
      }
      last = get(port).status;
      if (wanted.test(last)) {
        return;
      }
      Thread.sleep(200);
    }
    fail("timed out waiting for " + what + " (last status " + last + "); output:\n" + output());
  }

  private record Answer(int status, String body) {}

  private static Answer get(int port) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/live/hello").toURL()
          .openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(10_000);
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, body);
    } catch (IOException e) {
      return new Answer(-1, e.toString());
    }
  }

  private String output() {
    try {
      return output != null && Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  static Path runtimeJar() {
    Path jar = Path.of(System.getProperty("greenroom.test.runtime.jar", "../../features/target/runtime-base.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " does not exist: build features/ first");
    return jar;
  }

  static Path workDir(String name) throws IOException {
    Path dir = Path.of(System.getProperty("greenroom.test.work.dir", "target/it-work"), name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
