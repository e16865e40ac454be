package dev.greenroom.maven.run;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The port asked for in the environment with Backstage's overlay, {@code
 * APP_CONFIG_backend_listen_port=7008} (docs/config.md, environment overlays). The runtime reads the
 * variable itself (the environment passes through to it) and Pax Web binds that port from its
 * first start (docs/http.md, "Where Pax Web listens"); {@code greenroom:run} reads it only to know
 * where to probe for its smoke check.
 */
public final class ListenPort {
  public static final String VARIABLE = "APP_CONFIG_backend_listen_port";

  private ListenPort() {}

  /** The port in {@value #VARIABLE} (a JSON number or a quoted one), empty when unset; a bad value fails naming the variable. */
  public static OptionalInt fromEnv(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return OptionalInt.empty();
    }
    String digits = value.trim();
    if (digits.length() >= 2 && digits.startsWith("\"") && digits.endsWith("\"")) {
      digits = digits.substring(1, digits.length() - 1).trim();
    }
    try {
      int port = Integer.parseInt(digits);
      if (port >= 1 && port <= 65535) {
        return OptionalInt.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Invalid " + VARIABLE + " '" + value + "': expected a port number from 1 to 65535");
  }
}
