package dev.greenroom.maven.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A Greenroom runtime jar ({@code java -jar runtime-base.jar}) as a child process: its working
 * directory holds {@code deploy/} (FileInstall) and the embedded databases ({@code data/db}),
 * {@code app-config.yaml} is read from the config folder, the environment passes through (so
 * {@code APP_CONFIG_*} and {@code LOG_LEVEL} apply). {@link #stop(Duration)} sends SIGTERM and
 * waits: the runtime then shuts down in Backstage's order and exits 0 (docs/shutdown.md).
 */
public final class GreenroomProcess {
  /** How to start it; every field but {@code runtimeJar} and {@code workDir} is optional. */
  public record Options(Path runtimeJar, Path workDir, Path configDir, OptionalInt port, List<String> jvmArgs,
      Map<String, String> extraEnv, Path outputFile) {
    public Options {
      jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
      extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
      port = port == null ? OptionalInt.empty() : port;
    }

    /** {@code deploy/} under the working directory. */
    public Path deployDir() {
      return workDir.resolve("deploy");
    }
  }

  private final Process process;
  private final List<String> command;

  private GreenroomProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
  }

  /** The command line {@code options} stand for (the JVM running this code, then the jar). */
  public static List<String> command(Options options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.jvmArgs());
    command.add("-Dfelix.fileinstall.dir=" + options.deployDir());
    if (options.configDir() != null) {
      command.add("-Dgreenroom.config.dir=" + options.configDir());
    }
    command.add("-jar");
    command.add(options.runtimeJar().toString());
    return command;
  }

  /**
   * Starts the runtime. With {@code outputFile} null the child shares this process's terminal
   * (stdin too: the Gogo prompt, and Ctrl-C reaches both); otherwise stdin is empty and its
   * output goes to that file.
   */
  public static GreenroomProcess start(Options options) throws IOException {
    Files.createDirectories(options.deployDir());
    List<String> command = command(options);
    ProcessBuilder builder = new ProcessBuilder(command).directory(options.workDir().toFile());
    builder.environment().putAll(options.extraEnv());
    if (options.outputFile() == null) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true)
          .redirectOutput(options.outputFile().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    return new GreenroomProcess(builder.start(), List.copyOf(command));
  }

  public List<String> command() {
    return command;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or empty while it runs. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** Waits up to {@code timeout} for the exit; empty if it still runs. */
  public OptionalInt waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
  }

  /**
   * SIGTERM (a second one while it stops changes nothing, docs/shutdown.md), then waits up to
   * {@code timeout} for the exit code; past it the process is killed and the result is empty.
   */
  public OptionalInt stop(Duration timeout) throws InterruptedException {
    process.destroy();
    OptionalInt code = waitFor(timeout);
    if (code.isEmpty()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return code;
  }
}
