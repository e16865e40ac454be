import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The build's class-data-sharing training run (features/pom.xml, issue 15; bench/README.md, round 3):
 * starts runtime.jar with {@code -XX:ArchiveClassesAtExit} and bin/greenroom's JVM options, lets it
 * install a deploy folder (two library bundles: the launch-time install, the batch resolve and
 * FileInstall's adoption), waits for readiness, sends the requests every start answers first (a
 * plugin route in two spellings, 401, 404, the path guard's 400, the frontend page, health), then
 * stops it with SIGTERM as an operator would, so the archive also holds the classes of the request
 * path and of the shutdown. A training that stopped at startup left the first request to load and
 * verify a few hundred classes on the critical path of every start (about 0.15 s at 1x0).
 *
 * <p>A single-file program ({@code java CdsTraining.java}, JDK 11+): the build runs it with the JDK
 * that builds. Arguments: runtime jar, archive to write, working folder (wiped first). Exits non-zero
 * when the runtime does not become ready, does not stop with 0, or no archive was written.
 */
public final class CdsTraining {
  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration STOP = Duration.ofSeconds(90);
  private static final List<String> REQUESTS = List.of(
      "/.backstage/health/v1/readiness",
      "/.backstage/health/v1/liveness",
      "/api/example/health",
      "/API/EXAMPLE/HEALTH",
      "/api/example/examples",
      "/api/no-such-plugin/x",
      "/api/example/a%2Fb",
      "/api/app/");

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path archive = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[2]).toAbsolutePath();
    wipe(work);
    Path deploy = Files.createDirectories(work.resolve("deploy"));
    for (int i = 0; i < 2; i++) {
      libraryBundle(deploy.resolve("cds-training-" + i + ".jar"), "dev.greenroom.cds.training" + i);
    }
    Files.deleteIfExists(archive);
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ArchiveClassesAtExit=" + archive,
        // bin/greenroom's options (an archive is only used by a JVM with compatible settings)
        "-XX:+UseSerialGC", "-Xms32m", "-XX:CompileThresholdScaling=4",
        "-XX:Tier4InvocationThreshold=25000", "-XX:Tier4MinInvocationThreshold=3000",
        "-XX:Tier4CompileThreshold=75000", "-XX:Tier4BackEdgeThreshold=200000",
        "-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("training.log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("APP_CONFIG_backend_listen_port", Integer.toString(port));
    builder.environment().put("APP_CONFIG_backend_listen_host", "127.0.0.1");
    Process runtime = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      awaitReady(http, port, runtime);
      for (int round = 0; round < 3; round++) {
        for (String path : REQUESTS) {
          get(http, port, path);
        }
      }
      runtime.destroy(); // SIGTERM
      if (!runtime.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("the runtime did not stop within " + STOP + " after SIGTERM", work);
      }
      if (runtime.exitValue() != 0) {
        fail("the runtime exited with " + runtime.exitValue() + " after SIGTERM", work);
      }
      if (!Files.isRegularFile(archive)) {
        fail("no archive at " + archive, work);
      }
      System.out.println("[cds] " + archive + ": " + Files.size(archive) / (1024 * 1024) + " MiB");
    } finally {
      if (runtime.isAlive()) {
        runtime.destroyForcibly();
      }
    }
  }

  private static void awaitReady(HttpClient http, int port, Process runtime) throws Exception {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      if (!runtime.isAlive()) {
        throw new IllegalStateException("the runtime exited with " + runtime.exitValue() + " before it was ready");
      }
      if (get(http, port, "/.backstage/health/v1/readiness") == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the runtime was not ready within " + READY);
  }

  private static int get(HttpClient http, int port, String path) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(10)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYet) {
      return -1;
    }
  }

  /** A bundle with no code: enough for the deploy folder's install, resolve and start paths. */
  private static void libraryBundle(Path file, String symbolicName) throws IOException {
    Manifest manifest = new Manifest();
    Attributes a = manifest.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", symbolicName);
    a.putValue("Bundle-Version", "1.0.0");
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new ZipEntry("README.txt"));
      jar.write("Greenroom's class-data-sharing training bundle\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void wipe(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static void fail(String message, Path work) throws IOException {
    System.err.println("[cds] " + message + "; the runtime's output (" + work.resolve("training.log") + "):");
    System.err.println(Files.readString(work.resolve("training.log")));
    System.exit(1);
  }

  private CdsTraining() {}
}
