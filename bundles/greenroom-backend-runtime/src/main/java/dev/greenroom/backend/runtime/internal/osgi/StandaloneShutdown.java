package dev.greenroom.backend.runtime.internal.osgi;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * In standalone mode (the exported runtime.jar), SIGTERM/SIGINT stop the framework in order and
 * the process exits 0, as Backstage's backend does. A JVM exit that comes after the framework
 * already stopped (e.g. {@code stop 0} in Gogo) is left alone.
 */
final class StandaloneShutdown {
  private static final long STOP_TIMEOUT_MILLIS = 30_000;
  private final Thread hook;

  private StandaloneShutdown(Thread hook) {
    this.hook = hook;
  }

  static StandaloneShutdown install(BundleContext context) {
    Bundle system = context.getBundle(0);
    Thread hook = new Thread(() -> {
      if ((system.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
        return;
      }
      try {
        system.stop();
        if (system instanceof Framework framework) {
          framework.waitForStop(STOP_TIMEOUT_MILLIS);
        }
      } catch (BundleException | InterruptedException | RuntimeException e) {
        System.err.println("greenroom: framework did not stop cleanly: " + e);
        Runtime.getRuntime().halt(1);
      }
      Runtime.getRuntime().halt(0);
    }, "greenroom-signal-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return new StandaloneShutdown(hook);
  }

  void uninstall() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is what is stopping us
    }
  }
}
