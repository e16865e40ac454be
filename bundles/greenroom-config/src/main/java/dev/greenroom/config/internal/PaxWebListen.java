package dev.greenroom.config.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backend.listen} as Pax Web's configuration (PID {@value #PID}): the port and the listening
 * address, read by the same rules as the HTTP bundle's {@code ListenOptions}
 * (bundles/greenroom-http): an object {@code {host, port}} or a string {@code "host:port"} /
 * {@code ":port"}, host {@code 127.0.0.1} and port {@code 7007} when absent. Plain Java.
 */
public final class PaxWebListen {
  /** Pax Web's configuration PID ({@code org.ops4j.pax.web.service.PaxWebConstants.PID}). */
  public static final String PID = "org.ops4j.pax.web";
  /** Pax Web's port key ({@code PaxWebConfig.PID_CFG_HTTP_PORT}). */
  public static final String PORT = "org.osgi.service.http.port";
  /** Pax Web's listening addresses key ({@code PaxWebConfig.PID_CFG_LISTENING_ADDRESSES}). */
  public static final String ADDRESSES = "org.ops4j.pax.web.listening.addresses";
  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 7007;

  private PaxWebListen() {}

  /**
   * The two Pax Web keys for {@code config}'s {@code backend.listen}, as strings (Pax Web's own
   * format).
   *
   * @throws IllegalArgumentException naming the key when the port is not a port number
   */
  public static Map<String, String> properties(Config config) {
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    Optional<Object> raw = config.getOptional("backend.listen");
    if (raw.isPresent() && raw.get() instanceof String s) {
      int colon = s.lastIndexOf(':');
      host = colon <= 0 ? DEFAULT_HOST : s.substring(0, colon);
      port = port(colon < 0 ? s : s.substring(colon + 1), "backend.listen");
    } else if (raw.isPresent()) {
      host = config.getOptional("backend.listen.host").map(String::valueOf).orElse(DEFAULT_HOST);
      port = config.getOptional("backend.listen.port").map(p -> port(String.valueOf(p), "backend.listen.port")).orElse(DEFAULT_PORT);
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put(PORT, String.valueOf(port));
    props.put(ADDRESSES, host);
    return props;
  }

  private static int port(String value, String key) {
    try {
      double d = Double.parseDouble(value.trim());
      if (d < 0 || d > 65535 || d != Math.floor(d)) {
        throw new NumberFormatException();
      }
      return (int) d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid config value at '" + key + "': '" + value + "' is not a port number");
    }
  }
}
