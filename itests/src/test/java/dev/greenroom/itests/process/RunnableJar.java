package dev.greenroom.itests.process;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * One {@code java -jar features/target/runtime.jar} child process, the way an operator runs it: its
 * own working directory (where {@code app-config.yaml} and {@code deploy/} are read), stdin from
 * {@code /dev/null} unless a console is wanted, stdout and stderr to {@code output.log} there. The
 * port is a free loopback port, given only as a user gives it: {@code backend.listen.port} in the
 * app-config the test writes (or an {@code APP_CONFIG_} variable). Always {@link #close()} it: it kills the child if
 * it is still running. Every wait is bounded.
 */
final class RunnableJar implements AutoCloseable {
  static final String JAR_PROPERTY = "greenroom.itest.runtime.jar";
  /** A cold start of the whole jar on a busy 2-core machine; the usual start takes a few seconds. */
  static final Duration START = Duration.ofSeconds(120);

  private final Process process;
  private final Path output;
  final Path workDir;
  final int port;

  private RunnableJar(Process process, Path output, Path workDir, int port) {
    this.process = process;
    this.output = output;
    this.workDir = workDir;
    this.port = port;
  }

  /** A fresh working directory under the module's target folder, named after the test. */
  static Path workDir(String name) throws IOException {
    String base = System.getProperty("greenroom.itest.work.dir", "target/itest-work");
    Path dir = Path.of(base, "process", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir.resolve("tmp"));
    return dir;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Copies a fixture bundle ({@code greenroom.itest.fixtures.dir}) into {@code deploy/}, for FileInstall to start at launch. */
  static void deploy(Path workDir, String fixture) throws IOException {
    Path jar = Path.of(System.getProperty("greenroom.itest.fixtures.dir", "target/fixtures"), fixture + ".jar");
    assertTrue("fixture bundle missing: " + jar, Files.isRegularFile(jar));
    Path deploy = Files.createDirectories(workDir.resolve("deploy"));
    Files.copy(jar, deploy.resolve(fixture + ".jar"));
  }

  static RunnableJar start(Path workDir, int port, String appConfig, boolean console, String... systemProperties)
      throws IOException {
    return start(workDir, port, appConfig, console, Map.of(), systemProperties);
  }

  /**
   * With {@code env} added to the child's environment (e.g. {@code APP_CONFIG_backend_listen_port})
   * and {@code systemProperties} as {@code -D} options.
   */
  static RunnableJar start(Path workDir, int port, String appConfig, boolean console, Map<String, String> env,
      String... systemProperties) throws IOException {
    Path jar = jar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the launcher's temporary framework storage stays inside the test's folder
    command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
    for (String p : systemProperties) {
      command.add("-D" + p);
    }
    command.add("-jar");
    command.add(jar.toString());
    return launch(command, workDir, port, appConfig, console, env);
  }

  /**
   * The README's run command: {@code bin/greenroom} (the repository's, next to {@code
   * features/<target>/runtime.jar}) on the same jar and JDK, with {@code env} added (e.g. {@code
   * GREENROOM_STORAGE}); {@code JAVA_OPTS} keeps java.io.tmpdir inside the test's folder, followed by
   * the {@code JAVA_OPTS} of {@code env} if any.
   */
  static RunnableJar startWithLauncher(Path workDir, int port, String appConfig, Map<String, String> env)
      throws IOException {
    Path jar = jar();
    Path launcher = jar.getParent().getParent().getParent().resolve("bin").resolve("greenroom");
    assertTrue(launcher + " does not exist", Files.isRegularFile(launcher));
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("GREENROOM_JAR", jar.toString());
    all.put("JAVA_HOME", System.getProperty("java.home"));
    all.put("JAVA_OPTS", "-Djava.io.tmpdir=" + workDir.resolve("tmp") + (env.containsKey("JAVA_OPTS") ? " " + env.get("JAVA_OPTS") : ""));
    return launch(List.of("/bin/sh", launcher.toString()), workDir, port, appConfig, false, all);
  }

  private static Path jar() {
    String jarPath = System.getProperty(JAR_PROPERTY);
    assertTrue("system property " + JAR_PROPERTY + " is not set (see itests/pom.xml)", jarPath != null);
    Path jar = Path.of(jarPath);
    assertTrue(jar + " does not exist: build features/ first", Files.isRegularFile(jar));
    return jar;
  }

  private static RunnableJar launch(List<String> command, Path workDir, int port, String appConfig, boolean console,
      Map<String, String> env) throws IOException {
    Files.writeString(workDir.resolve("app-config.yaml"), appConfig, StandardCharsets.UTF_8);
    Path output = workDir.resolve("output.log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .redirectInput(console ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("LOG_LEVEL"); // info, whatever the build's environment says
    builder.environment().keySet().removeIf(k -> k.startsWith("APP_CONFIG_")); // only what the test says
    builder.environment().putAll(env);
    return new RunnableJar(builder.start(), output, workDir, port);
  }

  /** Backstage's listen and lifecycle keys for this process's port, plus {@code extra} YAML under {@code backend:}. */
  static String appConfig(int port, String extraBackendYaml) {
    return "backend:\n"
        + "  listen:\n"
        + "    host: 127.0.0.1\n"
        + "    port: " + port + "\n"
        + extraBackendYaml;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM on Linux (Process.destroy), what a container runtime or systemd sends. */
  void terminate() {
    process.destroy();
  }

  /** Sends a signal by name ({@code INT} is Ctrl-C) to this child only, by its pid. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
    assertTrue("kill did not finish", kill.waitFor(10, TimeUnit.SECONDS));
  }

  /** Types a line at the Gogo prompt (only when started with a console). */
  void type(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  String output() {
    try {
      return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails naming every {@code warn} or {@code error} log line of the output. */
  static void assertNoWarnOrErrorLines(String output) {
    List<String> bad = output.lines().filter(l -> l.matches("^\\S+Z (warn|error) .*")).toList();
    org.junit.Assert.assertEquals("warnings or errors; output:\n" + output, List.of(), bad);
  }

  /** The last line that is not blank. */
  String lastLine() {
    List<String> lines = output().lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("the process did not exit within " + timeout + "; output:\n" + output());
    }
    return process.exitValue();
  }

  /** Polls readiness until it answers 200 and every {@code pluginsRunning} is {@code running} in its body. */
  void awaitReady(String... pluginsRunning) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("the process exited with " + process.exitValue() + " before it was ready; output:\n" + output());
      }
      Http.Answer readiness = Http.get(port, Http.READINESS);
      if (readiness.status() == 200 && allRunning(readiness.body(), pluginsRunning)) {
        return;
      }
      Thread.sleep(200);
    }
    fail("not ready within " + START + "; output:\n" + output());
  }

  private static boolean allRunning(String body, String... plugins) {
    for (String p : plugins) {
      if (!body.contains("\"" + p + "\":\"running\"")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Rewrites {@code jar} in place with another Bundle-Version (and so another size and time), moved
   * over the old file as a deployment tool would, so FileInstall never sees it half written.
   */
  static void withVersion(Path jar, String version) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    try (InputStream in = Files.newInputStream(jar); JarInputStream source = new JarInputStream(in)) {
      Manifest manifest = new Manifest(source.getManifest());
      manifest.getMainAttributes().putValue("Bundle-Version", version);
      try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream target = new JarOutputStream(out, manifest)) {
        for (JarEntry e = source.getNextJarEntry(); e != null; e = source.getNextJarEntry()) {
          target.putNextEntry(new JarEntry(e.getName()));
          source.transferTo(target);
          target.closeEntry();
        }
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 2000));
  }
}
