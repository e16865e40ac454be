package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The bounds that keep one plugin from taking the server's threads or time (docs/http.md, "Fault isolation on the request path"), read
 * once from config; a bad value fails the root router's factory with an error naming the key.
 *
 * @param pauseTimeout how long a request waits for a plugin whose start is pending (Backstage's
 *     {@code backend.lifecycle.startupRequestPauseTimeout}, default 5 s)
 * @param pluginConcurrency requests one plugin's handlers may run at once; more answer 503 at once
 * @param pluginHeldRequests requests one plugin may have waiting for its start; more answer 503
 * @param requestTimeout how long a plugin may take before it starts its answer; then 503
 */
public record RequestLimits(
    Duration pauseTimeout, int pluginConcurrency, int pluginHeldRequests, Duration requestTimeout) {
  public static final String PAUSE_TIMEOUT_KEY = "backend.lifecycle.startupRequestPauseTimeout";
  public static final String CONCURRENCY_KEY = "backend.server.pluginConcurrency";
  public static final String HELD_KEY = "backend.server.pluginHeldRequests";
  public static final String TIMEOUT_KEY = "backend.server.requestTimeout";

  /**
   * 64, about a third of Jetty's default 200 threads: three plugins stuck at once still leave
   * threads for the rest (health, other plugins). A third of a smaller pool when the host knows it.
   */
  public static final int DEFAULT_CONCURRENCY = 64;
  /** Held requests cost no thread, only memory and a connection each. */
  public static final int DEFAULT_HELD = 1000;
  /** Node's own default for {@code server.headersTimeout}; long enough for slow catalog queries. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public static final RequestLimits DEFAULTS =
      new RequestLimits(Duration.ofSeconds(5), DEFAULT_CONCURRENCY, DEFAULT_HELD, DEFAULT_TIMEOUT);

  public RequestLimits {
    if (pluginConcurrency < 1 || pluginHeldRequests < 0) {
      throw new IllegalArgumentException("concurrency must be positive, held requests not negative");
    }
  }

  /** With a different pause timeout (tests and the old slot constructor). */
  public RequestLimits withPauseTimeout(Duration pause) {
    return new RequestLimits(pause, pluginConcurrency, pluginHeldRequests, requestTimeout);
  }

  public static RequestLimits read(Config config) {
    return read(config, OptionalInt.empty());
  }

  /** As {@link #read(Config)}; {@code serverThreads}, if known, lowers the default concurrency bound. */
  public static RequestLimits read(Config config, OptionalInt serverThreads) {
    Duration timeout = ConfigValues.duration(config, TIMEOUT_KEY, DEFAULT_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "Invalid config value at '" + TIMEOUT_KEY + "': '" + config.getOptional(TIMEOUT_KEY).orElse("")
              + "' must be a positive duration");
    }
    return new RequestLimits(
        ConfigValues.duration(config, PAUSE_TIMEOUT_KEY, DEFAULTS.pauseTimeout()),
        ConfigValues.count(config, CONCURRENCY_KEY, defaultConcurrency(serverThreads), 1),
        ConfigValues.count(config, HELD_KEY, DEFAULT_HELD, 0),
        timeout);
  }

  /** A third of the server's threads, at most {@value #DEFAULT_CONCURRENCY}, at least 1. */
  static int defaultConcurrency(OptionalInt serverThreads) {
    return serverThreads.isPresent()
        ? Math.max(1, Math.min(DEFAULT_CONCURRENCY, serverThreads.getAsInt() / 3))
        : DEFAULT_CONCURRENCY;
  }
}
