package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.Optional;

/**
 * {@code backend.listen}: an object {@code {host, port}} or a string {@code "host:port"} / {@code
 * ":port"}, as Backstage reads it. Greenroom's default host is {@code 127.0.0.1} (loopback), not
 * all interfaces: exposing a backend is a decision, not a default.
 */
public record ListenOptions(String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7007;

  public static ListenOptions read(Config config) {
    Optional<Object> raw = config.getOptional("backend.listen");
    if (raw.isEmpty()) {
      return new ListenOptions(DEFAULT_HOST, DEFAULT_PORT);
    }
    if (raw.get() instanceof String s) {
      int colon = s.lastIndexOf(':');
      String host = colon < 0 ? "" : s.substring(0, colon);
      String port = colon < 0 ? s : s.substring(colon + 1);
      return new ListenOptions(host.isEmpty() ? DEFAULT_HOST : host, port(port, "backend.listen"));
    }
    String host = config.getOptional("backend.listen.host").map(String::valueOf).orElse(DEFAULT_HOST);
    int port = config.getOptional("backend.listen.port")
        .map(p -> port(String.valueOf(p), "backend.listen.port"))
        .orElse(DEFAULT_PORT);
    return new ListenOptions(host, port);
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
