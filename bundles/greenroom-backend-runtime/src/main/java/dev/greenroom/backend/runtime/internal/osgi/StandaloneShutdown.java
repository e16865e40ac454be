package dev.greenroom.backend.runtime.internal.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * Standalone mode (the exported runtime.jar): SIGTERM/SIGINT stop the framework in order, and both
 * a signal and {@code stop 0} end the process with exit code 0, as Backstage's backend does. Any
 * other JVM exit (a launcher error) keeps its own code. Because the process halts, the temporary
 * framework storage is deleted here (the launcher's own cleanup hook may not get to run).
 */
final class StandaloneShutdown {
  private static final long STOP_TIMEOUT_MILLIS = 30_000;
  private final Thread hook;
  private volatile boolean stoppedFromInside;

  private StandaloneShutdown(BundleContext context) {
    Bundle system = context.getBundle(0);
    String storage = context.getProperty("org.osgi.framework.storage");
    boolean keep = Boolean.parseBoolean(context.getProperty("launch.keep"));
    this.hook = new Thread(() -> {
      boolean signalled = (system.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
      if (!signalled && !stoppedFromInside) {
        return;
      }
      int code = 0;
      if (signalled) {
        try {
          system.stop();
          if (system instanceof Framework framework) {
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
          }
        } catch (BundleException | InterruptedException | RuntimeException e) {
          System.err.println("greenroom: framework did not stop cleanly: " + e);
          code = 1;
        }
      }
      if (storage != null && !keep) {
        deleteQuietly(Path.of(storage));
      }
      Runtime.getRuntime().halt(code);
    }, "greenroom-standalone-exit");
  }

  static StandaloneShutdown install(BundleContext context) {
    StandaloneShutdown s = new StandaloneShutdown(context);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** The framework is stopping from inside ({@code stop 0}): exit 0 once the launcher exits. */
  void markStoppedFromInside() {
    stoppedFromInside = true;
  }

  void uninstall() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is what is stopping us
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
    } catch (IOException ignored) {
      // best effort
    }
  }
}
