package dev.greenroom.backend.runtime.internal.osgi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;

/**
 * Framework properties the runtime reads (set them in a bndrun's {@code -runproperties} or with
 * {@code -D}): where config lives, how long to wait for modules, standalone mode.
 */
record RuntimeSettings(Path configDir, List<Path> configFiles, long moduleTimeoutMillis, boolean standalone) {
  static final String CONFIG_DIR = "greenroom.config.dir";
  static final String CONFIG_FILES = "greenroom.config";
  static final String MODULE_TIMEOUT = "greenroom.module.timeout";
  static final String STANDALONE = "greenroom.standalone";
  static final long DEFAULT_MODULE_TIMEOUT = 10_000;

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
    long timeout = DEFAULT_MODULE_TIMEOUT;
    String t = context.getProperty(MODULE_TIMEOUT);
    if (t != null && !t.isBlank()) {
      try {
        timeout = Long.parseLong(t.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Framework property " + MODULE_TIMEOUT + " must be a number of milliseconds, got '" + t + "'");
      }
    }
    return new RuntimeSettings(configDir, files, timeout, Boolean.parseBoolean(context.getProperty(STANDALONE)));
  }
}
