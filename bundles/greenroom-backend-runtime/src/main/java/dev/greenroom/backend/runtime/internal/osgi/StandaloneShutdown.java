package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/**
 * Standalone mode (the exported runtime.jar) owns the process, as Backstage's backend does:
 *
 * <ul>
 *   <li>SIGTERM, SIGINT (Ctrl-C) and {@code stop 0} stop the backend <em>first</em>, while every
 *       bundle is still active: the moment the system bundle reports STOPPING (before Felix lowers
 *       the start level), the backend runs root before-shutdown hooks (readiness 503, {@code
 *       backend.lifecycle.serverShutdownDelay}), every plugin's shutdown hooks, then root shutdown
 *       hooks (the HTTP server drains and stops). Only then do bundles stop, highest start level
 *       first, so logging (start level 1) and Pax Web (2) also outlive whatever the runtime (3)
 *       and the features (4) do in their own {@code stop}: see runtime.bndrun's {@code
 *       -runbundles+}.
 *   <li>The exit code is 0, or 1 when the backend did not stop cleanly within {@code
 *       greenroom.shutdown.timeout}: Backstage's instance registry exits 1 when a {@code stop()}
 *       fails (packages/backend-app-api/src/wiring/BackendInitializer.ts, {@code
 *       instanceRegistry.#exitHandler}).
 *   <li>A fatal startup error (root services that cannot start, a boot failure that {@code
 *       onPluginBootFailure: abort} forbids) ends the process with exit code 1 right after it is
 *       logged, like Node ending on the rejected {@code backend.start()}: no later line buries it.
 * </ul>
 *
 * A second signal changes nothing: the JVM runs its shutdown hooks once, and a signal while
 * {@code stop 0} is under way only waits for that stop. Because the process halts, the temporary
 * framework storage is deleted here (the launcher's own cleanup hook may not get to run).
 */
final class StandaloneShutdown implements SynchronousBundleListener {
  static final String TIMEOUT_PROPERTY = "greenroom.shutdown.timeout";
  static final long DEFAULT_TIMEOUT_MILLIS = 60_000;
  /** After the backend stopped, how long the remaining bundles get to stop. */
  private static final long FRAMEWORK_STOP_MILLIS = 30_000;

  private final BundleContext context;
  private final Bundle system;
  private final Runnable stopBackend;
  private final long timeoutMillis;
  private final String storage;
  private final boolean keepStorage;
  private final Thread hook;
  private final AtomicBoolean backendStopStarted = new AtomicBoolean();
  private volatile int exitCode;
  private volatile boolean stoppedFromInside;

  private StandaloneShutdown(BundleContext context, Runnable stopBackend) {
    this.context = context;
    this.system = context.getBundle(0);
    this.stopBackend = stopBackend;
    this.timeoutMillis = timeoutMillis(context);
    this.storage = context.getProperty("org.osgi.framework.storage");
    this.keepStorage = Boolean.parseBoolean(context.getProperty("launch.keep"));
    this.hook = new Thread(this::onJvmShutdown, "greenroom-standalone-exit");
  }

  /**
   * Installs the JVM shutdown hook and the listener that stops the backend as the framework begins
   * to stop. {@code stopBackend} must be idempotent: the runtime bundle's own stop calls it again.
   */
  static StandaloneShutdown install(BundleContext context, Runnable stopBackend) {
    StandaloneShutdown s = new StandaloneShutdown(context, stopBackend);
    context.addBundleListener(s);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /**
   * The system bundle is STOPPING ({@code stop 0}, a signal, any {@code Framework.stop()}). A
   * synchronous listener runs in the stopping thread before Felix stops a single bundle, so the
   * whole backend shutdown happens with logging, config and HTTP still up.
   */
  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
      stopBackendBounded();
    }
  }

  private void stopBackendBounded() {
    if (!backendStopStarted.compareAndSet(false, true)) {
      return;
    }
    Thread stopper = new Thread(() -> {
      try {
        stopBackend.run();
      } catch (RuntimeException | Error e) {
        exitCode = 1;
        System.err.println("greenroom: the backend did not stop cleanly: " + e);
      }
    }, "greenroom-backend-stop");
    stopper.start();
    try {
      stopper.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      exitCode = 1;
      System.err.println("greenroom: the backend did not stop within " + timeoutMillis + " ms ("
          + TIMEOUT_PROPERTY + "); stopping the framework anyway");
    }
  }

  /** The framework is stopping from inside ({@code stop 0}): exit with our code once the launcher exits. */
  void markStoppedFromInside() {
    stoppedFromInside = true;
  }

  /**
   * A fatal startup error was just logged: end the process with exit code 1 without running any
   * more code that could log (Backstage's process dies on the rejected start). {@code lastLine},
   * when given, is logged first so the error itself, not a stack frame, is the last line.
   */
  void exitOnFatalError(LoggerService logger, String lastLine) {
    if ((system.getState() & Bundle.ACTIVE) == 0) {
      return; // a stop is already under way (a signal during startup): let it finish
    }
    if (lastLine != null) {
      logger.error(lastLine);
    }
    uninstall();
    halt(1);
  }

  void uninstall() {
    try {
      context.removeBundleListener(this);
    } catch (IllegalStateException stopped) {
      // the runtime bundle's context is no longer valid: listeners are gone with it
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is what is stopping us
    }
  }

  private void onJvmShutdown() {
    int state = system.getState();
    boolean running = (state & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
    boolean stopping = state == Bundle.STOPPING;
    if (!running && !stopping && !stoppedFromInside) {
      return; // the launcher exits for its own reason: keep its code
    }
    try {
      if (running) {
        system.stop(); // a signal: the listener above stops the backend inside this call
      }
      // bounded: the backend's own stop is bounded by timeoutMillis, the bundles' by the rest
      if (system instanceof Framework framework
          && framework.waitForStop(timeoutMillis + FRAMEWORK_STOP_MILLIS).getType() == FrameworkEvent.WAIT_TIMEDOUT) {
        System.err.println("greenroom: the framework did not stop in time; exiting anyway");
        exitCode = 1;
      }
    } catch (BundleException | InterruptedException | RuntimeException e) {
      System.err.println("greenroom: framework did not stop cleanly: " + e);
      exitCode = 1;
    }
    halt(exitCode);
  }

  private void halt(int code) {
    if (storage != null && !keepStorage) {
      deleteQuietly(Path.of(storage));
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }

  private static long timeoutMillis(BundleContext context) {
    String value = context.getProperty(TIMEOUT_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT_MILLIS;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Framework property " + TIMEOUT_PROPERTY + " must be a number of milliseconds, got '" + value + "'");
    }
  }

  private static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: a leftover temp folder is not worth failing the exit for
        }
      });
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // best effort; the walk fails when another thread (bnd's launcher) deletes the folder meanwhile,
      // which used to kill this thread before halt() and leave the process with exit code 117
    }
  }
}
