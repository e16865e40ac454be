package dev.greenroom.backend.runtime.internal.osgi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;

/**
 * Framework properties the runtime reads (set them in a bndrun's {@code -runproperties} or with
 * {@code -D}): where config lives, how long to wait for modules, standalone mode.
 */
record RuntimeSettings(Path configDir, List<Path> configFiles, long moduleTimeoutMillis, long serviceTimeoutMillis, boolean standalone,
    long restartSettleMillis) {
  static final String CONFIG_DIR = "greenroom.config.dir";
  static final String CONFIG_FILES = "greenroom.config";
  static final String MODULE_TIMEOUT = "greenroom.module.timeout";
  static final String STANDALONE = "greenroom.standalone";
  static final String SERVICE_TIMEOUT = "greenroom.service.timeout";
  static final long DEFAULT_MODULE_TIMEOUT = 10_000;
  static final long DEFAULT_SERVICE_TIMEOUT = 120_000;
  /** How long a plugin's feature services must be quiet before it restarts (FileInstall's update + refresh). */
  static final String RESTART_SETTLE = "greenroom.restart.settle";
  static final long DEFAULT_RESTART_SETTLE = 250;

  static RuntimeSettings from(BundleContext context) {
    String dir = context.getProperty(CONFIG_DIR);
    Path configDir = Path.of(dir == null || dir.isBlank() ? System.getProperty("user.dir", ".") : dir);
    List<Path> files = new ArrayList<>();
    String list = context.getProperty(CONFIG_FILES);
    if (list != null) {
      for (String f : list.split(",")) {
        if (!f.isBlank()) {
          files.add(configDir.resolve(f.trim()));
        }
      }
    }
    long timeout = millis(context, MODULE_TIMEOUT, DEFAULT_MODULE_TIMEOUT);
    long serviceTimeout = millis(context, SERVICE_TIMEOUT, DEFAULT_SERVICE_TIMEOUT);
    return new RuntimeSettings(configDir, files, timeout, serviceTimeout, Boolean.parseBoolean(context.getProperty(STANDALONE)),
        millis(context, RESTART_SETTLE, DEFAULT_RESTART_SETTLE));
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
