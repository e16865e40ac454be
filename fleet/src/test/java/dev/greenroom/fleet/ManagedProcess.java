package dev.greenroom.fleet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the fleet: stdin from {@code /dev/null}, stdout and stderr to {@code <name>.log} in its
 * working folder (kept under {@code target/fleet/} for a failure's post-mortem). Stopped by its own PID only:
 * SIGTERM ({@link Process#destroy()}), a bounded wait, then SIGKILL.
 */
final class ManagedProcess {
  final String name;
  final Path log;
  private final Process process;
  private final long spawnedAtNanos;

  private ManagedProcess(String name, Path log, Process process, long spawnedAtNanos) {
    this.name = name;
    this.log = log;
    this.process = process;
    this.spawnedAtNanos = spawnedAtNanos;
  }

  static ManagedProcess start(String name, Path workDir, List<String> command, Map<String, String> env)
      throws IOException {
    Files.createDirectories(workDir);
    Path log = workDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // only what the suite says: no inherited level, format or config overlay
    builder.environment().remove("LOG_LEVEL");
    builder.environment().remove("NODE_ENV");
    builder.environment().remove("GREENROOM_LOG_FORMAT");
    builder.environment().keySet().removeIf(k -> k.startsWith("APP_CONFIG_") || k.startsWith("FLEET_"));
    builder.environment().putAll(env);
    long at = System.nanoTime();
    return new ManagedProcess(name, log, builder.start(), at);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long spawnedAtNanos() {
    return spawnedAtNanos;
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code max} characters of the output, for failure messages. */
  String tail(int max) {
    String all = output();
    return all.length() <= max ? all : "..." + all.substring(all.length() - max);
  }

  /** SIGTERM to this PID, up to {@code grace} for it to exit, then SIGKILL. The exit code, or -1 if it was killed. */
  int stop(Duration grace) throws InterruptedException {
    if (!process.isAlive()) {
      return process.exitValue();
    }
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return process.exitValue();
    }
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    return -1;
  }

  /** The exit code if it has exited, else null. */
  Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }
}
