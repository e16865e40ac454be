package dev.greenroom.maven.run;

import java.io.IOException;
import java.net.URI;
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
    GreenroomProcess started = start();
    Thread hook = stopOnExit();
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
      forget(hook);
    }
  }

  /**
   * A start check (CI, {@code -Dgreenroom.smoke}): deploys, starts the runtime, waits until GET
   * {@code url} answers 200 (at most {@code timeout}), then stops it with SIGTERM. Returns the
   * answer's body.
   *
   * @throws IllegalStateException naming the URL when the runtime exited first, when no 200 came in
   *     time (with the last answer), or when the stop did not end with exit code 0
   */
  public String smoke(URI url, Duration timeout) throws IOException, InterruptedException {
    GreenroomProcess started = start();
    Thread hook = stopOnExit();
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      Http.Answer answer;
      while (true) {
        OptionalInt exited = started.exitCode();
        if (exited.isPresent()) {
          throw new IllegalStateException("Greenroom exited with code " + exited.getAsInt() + " before GET " + url
              + " answered 200");
        }
        answer = Http.get(url);
        if (answer.status() == 200) {
          break;
        }
        if (System.nanoTime() > deadline) {
          started.stop(STOP_TIMEOUT);
          throw new IllegalStateException("GET " + url + " did not answer 200 within " + timeout.toSeconds()
              + " s (last answer: " + answer.status() + " " + answer.body() + ")");
        }
        Thread.sleep(250);
      }
      OptionalInt code = started.stop(STOP_TIMEOUT);
      if (code.isEmpty() || code.getAsInt() != 0) {
        throw new IllegalStateException("GET " + url + " answered 200, but Greenroom's stop ended with "
            + (code.isEmpty() ? "no exit within " + STOP_TIMEOUT.toSeconds() + " s" : "exit code " + code.getAsInt()));
      }
      return answer.body();
    } finally {
      forget(hook);
    }
  }

  /** The running process (null before it started). */
  public GreenroomProcess process() {
    return process;
  }

  /** SIGTERM to the runtime and wait for its exit code (empty if it had to be killed after {@link #STOP_TIMEOUT}). */
  public OptionalInt stop() throws InterruptedException {
    GreenroomProcess p = process;
    return p == null ? OptionalInt.empty() : p.stop(STOP_TIMEOUT);
  }

  private GreenroomProcess start() throws IOException {
    deployer.deployAll();
    GreenroomProcess started = GreenroomProcess.start(options);
    process = started;
    return started;
  }

  private Thread stopOnExit() {
    Thread hook = new Thread(this::stopQuietly, "greenroom-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void forget(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: it waits for the runtime itself
    }
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
