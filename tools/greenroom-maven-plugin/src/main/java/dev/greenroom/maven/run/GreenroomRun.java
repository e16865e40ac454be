package dev.greenroom.maven.run;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * {@code greenroom:run} without Maven: deploy the bundles, start the runtime, copy a rebuilt bundle
 * into {@code deploy/} while it runs (polled every {@link #POLL}), and return its exit code. When
 * this JVM is asked to stop (Ctrl-C, SIGTERM to Maven), a shutdown hook stops the runtime with
 * SIGTERM and waits for it, so the plugins' shutdown hooks run and nothing outlives the build.
 */
public final class GreenroomRun {
  /** How often deployed jars are compared with the project's. */
  public static final Duration POLL = Duration.ofMillis(500);
  /**
   * How long a stop may take: the runtime's own bound (greenroom.shutdown.timeout, 60 s) plus the
   * framework's 30 s for its bundles (docs/shutdown.md), and a margin.
   */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(100);

  private final GreenroomProcess.Options options;
  private final LiveDeployer deployer;
  private final Consumer<String> log;
  private volatile GreenroomProcess process;

  public GreenroomRun(GreenroomProcess.Options options, LiveDeployer deployer, Consumer<String> log) {
    this.options = options;
    this.deployer = deployer;
    this.log = log;
  }

  /** Runs until the runtime exits (stopped here, by {@link #stop()}, {@code stop 0} at its prompt, or a signal); returns its exit code. */
  public int runUntilExit() throws IOException, InterruptedException {
    deployer.deployAll();
    GreenroomProcess started = GreenroomProcess.start(options);
    process = started;
    Thread hook = new Thread(this::stopQuietly, "greenroom-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      while (true) {
        OptionalInt code = started.waitFor(POLL);
        if (code.isPresent()) {
          return code.getAsInt();
        }
        for (LiveDeployer.Source s : deployer.redeployChanged()) {
          log.accept("Redeployed " + s.jar() + " as " + deployer.deployDir().resolve(s.name()));
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it waits for the runtime itself
      }
    }
  }

  /** The running process (null before {@link #runUntilExit()} started it). */
  public GreenroomProcess process() {
    return process;
  }

  /** SIGTERM to the runtime and wait for its exit code (empty if it had to be killed after {@link #STOP_TIMEOUT}). */
  public OptionalInt stop() throws InterruptedException {
    GreenroomProcess p = process;
    return p == null ? OptionalInt.empty() : p.stop(STOP_TIMEOUT);
  }

  private void stopQuietly() {
    GreenroomProcess p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    try {
      if (p.stop(STOP_TIMEOUT).isEmpty()) {
        log.accept("Greenroom did not stop within " + STOP_TIMEOUT.toSeconds() + " s and was killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
