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
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

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
final class StandaloneShutdown implements SynchronousBundleListener, FrameworkListener {
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
  private volatile boolean launchLevelsReached;
  /** bnd's launcher deletes its own temporary storage in a shutdown hook, not one it was given. */
  private final boolean storageOutlivesTheSignal;

  private StandaloneShutdown(BundleContext context, Runnable stopBackend) {
    this.context = context;
    this.system = context.getBundle(0);
    this.stopBackend = stopBackend;
    this.timeoutMillis = timeoutMillis(context);
    this.storage = context.getProperty("org.osgi.framework.storage");
    this.keepStorage = Boolean.parseBoolean(context.getProperty("launch.keep"));
    this.storageOutlivesTheSignal = System.getProperty("launch.storage.dir") != null;
    this.hook = new Thread(this::onJvmShutdown, "greenroom-standalone-exit");
  }

  /**
   * Installs the JVM shutdown hook and the listener that stops the backend as the framework begins
   * to stop. {@code stopBackend} must be idempotent: the runtime bundle's own stop calls it again.
   */
  static StandaloneShutdown install(BundleContext context, Runnable stopBackend) {
    StandaloneShutdown s = new StandaloneShutdown(context, stopBackend);
    context.addBundleListener(s);
    context.addFrameworkListener(s);
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
      context.removeFrameworkListener(this);
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
        awaitLaunch();
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

  /**
   * A signal during the launch waits (bounded) until the start levels have been raised: Backstage's
   * stop waits for its start to settle too ({@code BackendInitializer.#doStop}). A stop in the
   * middle of the start levels stopped the framework under FileInstall's first scan, which then
   * failed to install every jar of {@code deploy/} not installed yet, one error with its stack trace
   * per jar ("The framework has been shutdown"; about 400 for a signal 1.6 s into a 100x5 launch).
   * bnd's launcher raises the framework to its beginning level after the framework has started
   * (aQute.launcher's StartLevelRuntimeHandler), so the system bundle's ACTIVE state does not say
   * the launch is over; the level change's event does, or no bundle marked for start being left
   * above the current level.
   *
   * <p>Not when bnd's launcher keeps the framework in a temporary folder of its own (no {@code
   * launch.storage.dir}: a plain {@code java -jar runtime.jar}): its own shutdown hook deletes that
   * folder as the signal comes, and a launch going on meanwhile fails on every write to its cache.
   * {@code bin/greenroom} always names the folder (docs/launch.md).
   */
  private void awaitLaunch() throws InterruptedException {
    if (!storageOutlivesTheSignal) {
      return;
    }
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!launchLevelsReached && launchBundlesPending() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /**
   * Whether a bundle marked for start is still above the framework's start level, or is being
   * started (FileInstall's first scan runs inside its activator); a lazily activated bundle waits
   * in STARTING for its first class load and does not count.
   */
  private boolean launchBundlesPending() {
    FrameworkStartLevel framework = system.adapt(FrameworkStartLevel.class);
    if (framework == null) {
      return false;
    }
    int level = framework.getStartLevel();
    try {
      for (Bundle b : context.getBundles()) {
        BundleStartLevel bundle = b.adapt(BundleStartLevel.class);
        if (bundle == null || !bundle.isPersistentlyStarted()) {
          continue;
        }
        boolean starting = b.getState() == Bundle.STARTING && !"lazy".equals(activationPolicy(b));
        if (bundle.getStartLevel() > level || starting) {
          return true;
        }
      }
    } catch (IllegalStateException stopped) {
      return false;
    }
    return false;
  }

  private static String activationPolicy(Bundle b) {
    String policy = b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
    return policy == null ? null : policy.split(";")[0].trim();
  }

  @Override
  public void frameworkEvent(FrameworkEvent event) {
    if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
      launchLevelsReached = true;
    }
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
