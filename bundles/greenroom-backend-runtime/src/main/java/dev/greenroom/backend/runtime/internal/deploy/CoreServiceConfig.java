package dev.greenroom.backend.runtime.internal.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Checks a configuration file dropped into the hot-deploy folder for a core service before
 * FileInstall hands it to ConfigAdmin: a {@code org.ops4j.pax.web.cfg} with a port that is not a
 * port would stop Pax Web's server — every plugin's HTTP — until the file is deleted. Only the
 * keys whose bad values take the server down are checked (Pax Web's own names, see
 * {@code org.ops4j.pax.web.service.PaxWebConfig}); anything else is left to the service.
 */
public final class CoreServiceConfig {
  static final String PAX_WEB_PID = "org.ops4j.pax.web";

  private static final Predicate<String> PORT = v -> isInt(v, 0, 65535);
  private static final Predicate<String> BOOLEAN = v -> v.equals("true") || v.equals("false");
  private static final Predicate<String> POSITIVE = v -> isInt(v, 1, Integer.MAX_VALUE);
  private static final Predicate<String> ADDRESSES =
      v -> !v.isBlank() && java.util.Arrays.stream(v.split(",")).map(String::trim).noneMatch(a -> a.isEmpty() || a.contains(" "));

  private static final Map<String, Predicate<String>> PAX_WEB_KEYS = Map.of(
      "org.osgi.service.http.port", PORT,
      "org.osgi.service.http.port.secure", PORT,
      "org.osgi.service.http.enabled", BOOLEAN,
      "org.osgi.service.http.secure.enabled", BOOLEAN,
      "org.ops4j.pax.web.listening.addresses", ADDRESSES,
      "org.ops4j.pax.web.server.maxThreads", POSITIVE,
      "org.ops4j.pax.web.server.minThreads", POSITIVE,
      "org.ops4j.pax.web.server.idleTimeout", POSITIVE);

  private CoreServiceConfig() {}

  /** Whether {@code file} is a configuration file for a core service this check knows. */
  static boolean isCoreServiceConfig(File file) {
    return file.getName().equals(PAX_WEB_PID + ".cfg");
  }

  /** Why the file would break its service (naming the file, key and value), or empty. */
  static Optional<String> problem(File file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file.toPath())) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of("Refused " + file.getName() + ": not a readable configuration file (" + e.getMessage() + ")");
    }
    for (Map.Entry<String, Predicate<String>> key : PAX_WEB_KEYS.entrySet()) {
      String value = props.getProperty(key.getKey());
      // ${...} is FileInstall's interpolation: known only once it is applied, so left alone
      if (value != null && !value.contains("${") && !key.getValue().test(value.trim())) {
        return Optional.of("Refused " + file.getName() + ": " + key.getKey() + " = '" + value
            + "' would stop the HTTP server of every plugin (expected " + expectation(key.getValue()) + "); the running"
            + " configuration is kept");
      }
    }
    return Optional.empty();
  }

  private static String expectation(Predicate<String> check) {
    if (check == PORT) {
      return "a port number 0-65535";
    }
    if (check == BOOLEAN) {
      return "true or false";
    }
    if (check == POSITIVE) {
      return "a whole number of at least 1";
    }
    return "a comma-separated list of addresses";
  }

  private static boolean isInt(String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
