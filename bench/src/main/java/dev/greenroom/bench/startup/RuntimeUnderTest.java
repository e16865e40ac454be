package dev.greenroom.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One exported runtime ({@code java -jar runtime.jar}) in its own clean working directory: its
 * {@code deploy/} (FileInstall), {@code data/} (H2 files) and {@code app-config.yaml} (a free
 * loopback port, so parallel runtimes on this machine don't collide) live there.
 */
final class RuntimeUnderTest implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(500)).build();

  final Path workDir;
  final Path deploy;
  final int port;
  private final Path runtimeJar;
  private Process process;
  /** ms since start when the caller's first awaited route answered (set by the caller). */
  double launchedOkMs;
  private long startNanos;

  RuntimeUnderTest(Path runtimeJar, Path workDir) {
    this.runtimeJar = runtimeJar;
    this.workDir = workDir;
    this.deploy = workDir.resolve("deploy");
    this.port = freePort();
    try {
      Files.createDirectories(deploy);
      Files.writeString(workDir.resolve("app-config.yaml"),
          "backend:\n  listen:\n    host: 127.0.0.1\n    port: " + port + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces {@code app-config.yaml} with the listen block plus {@code backendYaml}: further keys
   * under {@code backend:}, each line already indented by two spaces. Call before {@link #start}.
   */
  void backendConfig(String backendYaml) {
    try {
      Files.writeString(workDir.resolve("app-config.yaml"),
          "backend:\n  listen:\n    host: 127.0.0.1\n    port: " + port + "\n" + backendYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * When set ({@code --launcher bin/greenroom}), runtimes start through that script, the README's
   * run command: the jar goes in {@code GREENROOM_JAR}, the JVM options in {@code JAVA_OPTS} (the
   * script execs java, so the pid measured is the JVM's). Otherwise {@code java [options] -jar}.
   */
  static volatile Path launcher;

  /** Starts the JVM; time zero of every figure is taken right before the process is spawned. */
  void start(int fileInstallPollMs, List<String> jvmArgs) {
    List<String> options = new ArrayList<>(jvmArgs);
    options.add("-Dfelix.fileinstall.poll=" + fileInstallPollMs);
    List<String> cmd = new ArrayList<>();
    Path script = launcher;
    if (script != null) {
      cmd.add(script.toAbsolutePath().toString());
    } else {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(options);
      cmd.add("-jar");
      cmd.add(runtimeJar.toAbsolutePath().toString());
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("runtime.log").toFile());
    if (script != null) {
      pb.environment().put("GREENROOM_JAR", runtimeJar.toAbsolutePath().toString());
      pb.environment().put("JAVA_OPTS", String.join(" ", options));
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    }
    startNanos = System.nanoTime();
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd, e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** GET, or null when nothing answers yet. */
  HttpResponse<String> get(String path) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET().build();
      return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls until {@code path} answers 200; returns ms since process start. Like the Backstage peer's
   * driver ({@code ../shared/peer/bench.js}): again 20 ms after an answer (a 404 while the plugin is
   * not mounted yet), 5 ms after a refused connection. Each answered poll costs the runtime a
   * request and a request-log line, so a tighter loop would slow the start it measures.
   */
  double awaitOk(String path, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int poll = 0; System.nanoTime() < deadline; poll++) {
      if (!process.isAlive() || (poll % 50 == 49 && startupFailed())) {
        throw new IllegalStateException("runtime " + (process.isAlive() ? "reported 'Backend startup failed'" : "exited with " + process.exitValue())
            + " before " + path + " answered; see " + workDir.resolve("runtime.log"));
      }
      HttpResponse<String> r = get(path);
      if (r != null && r.statusCode() == 200) {
        return msSinceStart();
      }
      sleep(r == null ? 5 : 20);
    }
    throw new IllegalStateException(path + " did not answer 200 within " + timeout + "; see " + workDir.resolve("runtime.log"));
  }

  /** The runtime logs this and then only winds down: no reason to wait for a 200 any longer. */
  private boolean startupFailed() {
    try (Stream<String> lines = Files.lines(workDir.resolve("runtime.log"))) {
      return lines.anyMatch(l -> l.contains("Backend startup failed"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  double msSinceStart() {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  /** The exit code once the process has ended, else "running". */
  String exitCode() {
    return process == null ? "not started" : process.isAlive() ? "running" : Integer.toString(process.exitValue());
  }

  long pid() {
    return process.pid();
  }

  /** Peak resident set size (VmHWM) of the runtime JVM, in MiB. */
  double peakRssMib() {
    return procStatusKb("VmHWM:") / 1024.0;
  }

  /** Live threads of the runtime JVM ({@code Threads:} of /proc/<pid>/status). */
  long threads() {
    return procStatusKb("Threads:");
  }

  double rssMib() {
    return procStatusKb("VmRSS:") / 1024.0;
  }

  private long procStatusKb(String key) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      return lines.filter(l -> l.startsWith(key)).findFirst()
          .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]))
          .orElseThrow(() -> new IllegalStateException(key + " missing in /proc/" + process.pid() + "/status"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the runtime's live threads (jcmd Thread.print) that contain {@code fragment}. */
  long threadsNamed(String fragment) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes());
      jcmd.waitFor(30, TimeUnit.SECONDS);
      return out.lines().filter(l -> l.startsWith("\"") && l.contains(fragment)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Regular files below {@code data/} of the working directory (H2 databases live there). */
  List<String> dataFiles() {
    Path data = workDir.resolve("data");
    if (!Files.exists(data)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).map(p -> workDir.relativize(p).toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy(); // SIGTERM: the runtime shuts down gracefully
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
