package dev.greenroom.http.internal.server;

import dev.greenroom.backend.api.services.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backstage's Node server options under {@code backend.server}
 * (packages/backend-defaults/src/entrypoints/rootHttpRouter/rootHttpRouterServiceFactory.ts, the
 * {@code readDurationValue} block), mapped onto Jetty's connector:
 *
 * <ul>
 *   <li>{@code timeout} (Node: socket inactivity) and {@code keepAliveTimeout} (Node: an idle
 *       keep-alive connection) become Jetty's connector idle timeout, which covers both: {@code
 *       timeout} when set and positive, else {@code keepAliveTimeout};
 *   <li>{@code headersTimeout}, {@code maxHeadersCount} and {@code maxRequestsPerSocket} have no
 *       Jetty counterpart: {@link #unsupported} lists them (the router warns once);
 *   <li>{@code requestTimeout} is Greenroom's plugin deadline (docs/http.md), read elsewhere.
 * </ul>
 */
public record ServerTimeouts(Optional<Duration> idleTimeout, List<String> unsupported) {
  public static final String TIMEOUT = "backend.server.timeout";
  public static final String KEEP_ALIVE_TIMEOUT = "backend.server.keepAliveTimeout";

  public static ServerTimeouts read(Config config) {
    Optional<Duration> timeout = Durations.read(config, TIMEOUT).filter(d -> !d.isZero() && !d.isNegative());
    Optional<Duration> keepAlive = Durations.read(config, KEEP_ALIVE_TIMEOUT);
    List<String> unsupported = new ArrayList<>();
    for (String key : List.of("headersTimeout", "maxHeadersCount", "maxRequestsPerSocket")) {
      if (config.has("backend.server." + key)) {
        unsupported.add("backend.server." + key);
      }
    }
    return new ServerTimeouts(timeout.isPresent() ? timeout : keepAlive, List.copyOf(unsupported));
  }
}
