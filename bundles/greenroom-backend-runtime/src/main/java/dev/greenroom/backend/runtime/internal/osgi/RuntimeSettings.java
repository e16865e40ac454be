package dev.greenroom.backend.runtime.internal.osgi;

import org.osgi.framework.BundleContext;

/**
 * Framework properties the runtime reads (set them in a bndrun's {@code -runproperties} or with
 * {@code -D}): how long to wait for modules and services, how long a restart settles, standalone
 * mode. Config files are greenroom-config's business ({@code greenroom.config.dir}, docs/config.md).
 */
record RuntimeSettings(long moduleTimeoutMillis, long serviceTimeoutMillis, boolean standalone,
    long restartSettleMillis, boolean exitAfterStartup) {
  static final String MODULE_TIMEOUT = "greenroom.module.timeout";
  static final String STANDALONE = "greenroom.standalone";
  static final String SERVICE_TIMEOUT = "greenroom.service.timeout";
  static final long DEFAULT_MODULE_TIMEOUT = 10_000;
  static final long DEFAULT_SERVICE_TIMEOUT = 120_000;
  /** How long a plugin's feature services must be quiet before it restarts (FileInstall's update + refresh). */
  static final String RESTART_SETTLE = "greenroom.restart.settle";
  static final long DEFAULT_RESTART_SETTLE = 250;
  /**
   * Standalone only: stop the framework (and so the process) once the backend has started. The
   * build's class-data-sharing training run uses it ({@code features/pom.xml}, docs/launch.md).
   */
  static final String EXIT_AFTER_STARTUP = "greenroom.exitAfterStartup";

  static RuntimeSettings from(BundleContext context) {
    long timeout = millis(context, MODULE_TIMEOUT, DEFAULT_MODULE_TIMEOUT);
    long serviceTimeout = millis(context, SERVICE_TIMEOUT, DEFAULT_SERVICE_TIMEOUT);
    return new RuntimeSettings(timeout, serviceTimeout, Boolean.parseBoolean(context.getProperty(STANDALONE)),
        millis(context, RESTART_SETTLE, DEFAULT_RESTART_SETTLE),
        Boolean.parseBoolean(context.getProperty(EXIT_AFTER_STARTUP)));
  }

  private static long millis(BundleContext context, String property, long fallback) {
    String t = context.getProperty(property);
    if (t == null || t.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(t.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Framework property " + property + " must be a number of milliseconds, got '" + t + "'");
    }
  }
}
