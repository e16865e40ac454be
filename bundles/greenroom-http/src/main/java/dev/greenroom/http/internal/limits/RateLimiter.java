package dev.greenroom.http.internal.limits;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.http.internal.UnreadBody;
import dev.greenroom.http.internal.server.Durations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One of Backstage's rate limiting middlewares (packages/backend-defaults/src/lib/rateLimitMiddleware.ts
 * on express-rate-limit 8): at most {@code incomingRequestLimit} (default 5) requests per client
 * address in each {@code window} (default one minute); clients in {@code ipAllowList} (default the
 * loopback addresses) are not counted. Every counted request gets {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (epoch seconds); past the limit the answer
 * is 429 with {@code Retry-After} and the body {@value #BODY}.
 */
final class RateLimiter {
  static final String BODY =
      "{\"error\":{\"name\":\"Error\",\"message\":\"Too many requests, please try again later\"},\"response\":{\"statusCode\":429}}";
  static final List<String> DEFAULT_ALLOW_LIST = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** What a counted request must do when it finishes (skip*Requests). */
  record Pending(RateLimiter limiter, String key, long resetAtMillis) {}

  final String configKey;
  final long windowMillis;
  final long limit;
  final List<String> allowList;
  final boolean skipSuccessful;
  final boolean skipFailed;
  final boolean passOnStoreError;
  private final RateLimitStore store;
  private final LongSupplier clock;

  private RateLimiter(String configKey, long windowMillis, long limit, List<String> allowList, boolean skipSuccessful,
      boolean skipFailed, boolean passOnStoreError, RateLimitStore store, LongSupplier clock) {
    this.configKey = configKey;
    this.windowMillis = windowMillis;
    this.limit = limit;
    this.allowList = allowList;
    this.skipSuccessful = skipSuccessful;
    this.skipFailed = skipFailed;
    this.passOnStoreError = passOnStoreError;
    this.store = store;
    this.clock = clock;
  }

  /** The limiter of {@code options} (the config at {@code configKey}, empty: all defaults). */
  static RateLimiter read(String configKey, Optional<Config> options, StoreFactory stores, String prefix, LongSupplier clock) {
    long window = options.flatMap(c -> c.has("window")
        ? Optional.of(Durations.parse(configKey + ".window", c.getOptional("window").get()))
        : Optional.empty()).orElse(Duration.ofMinutes(1)).toMillis();
    if (window <= 0) {
      throw new IllegalArgumentException("Invalid config value at '" + configKey + ".window': it must be positive");
    }
    long limit = options.flatMap(c -> number(c, configKey, "incomingRequestLimit")).orElse(5L);
    List<String> allow = options.flatMap(c -> c.getOptionalStringArray("ipAllowList")).orElse(DEFAULT_ALLOW_LIST);
    boolean skipSuccessful = options.flatMap(c -> c.getOptionalBoolean("skipSuccessfulRequests")).orElse(false);
    boolean skipFailed = options.flatMap(c -> c.getOptionalBoolean("skipFailedRequests")).orElse(false);
    boolean passOnStoreError = options.flatMap(c -> c.getOptionalBoolean("passOnStoreError")).orElse(false);
    return new RateLimiter(configKey, window, limit, List.copyOf(allow), skipSuccessful, skipFailed, passOnStoreError,
        stores.create(window, prefix), clock);
  }

  private static Optional<Long> number(Config c, String configKey, String key) {
    Optional<Object> raw = c.getOptional(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Object v = raw.get();
    try {
      double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
      if (d < 0 || d != Math.rint(d)) {
        throw new NumberFormatException();
      }
      return Optional.of((long) d);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid config value at '" + configKey + "." + key + "': '" + v
          + "' is not a whole number (0 or more)");
    }
  }

  /**
   * Counts the request; answers it with 429 and returns true past the limit. A counted request
   * that may be uncounted later (skip*Requests) is returned through {@code pending}.
   */
  boolean refuse(HttpServletRequest request, HttpServletResponse response, java.util.function.Consumer<Pending> pending)
      throws IOException {
    String ip = ClientAddress.unbracket(request.getRemoteAddr());
    if (allowList.contains(ip) || allowList.contains(ClientAddress.socketAddress(request))) {
      return false;
    }
    String key = key(ip);
    RateLimitStore.Hits hits;
    try {
      hits = store.increment(key);
    } catch (Exception e) {
      if (passOnStoreError) {
        return false;
      }
      throw new IllegalStateException("Rate limit store failed (" + configKey + ".store): " + e.getMessage(), e);
    }
    long now = clock.getAsLong();
    response.setHeader("X-RateLimit-Limit", Long.toString(limit));
    response.setHeader("X-RateLimit-Remaining", Long.toString(Math.max(limit - hits.total(), 0)));
    response.setHeader("Date", HTTP_DATE.format(java.time.Instant.ofEpochMilli(now)));
    response.setHeader("X-RateLimit-Reset", Long.toString((hits.resetAtMillis() + 999) / 1000));
    if (skipSuccessful || skipFailed) {
      pending.accept(new Pending(this, key, hits.resetAtMillis()));
    }
    if (hits.total() <= limit) {
      return false;
    }
    long resetSeconds = Math.max(0, (hits.resetAtMillis() - now + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(resetSeconds));
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    UnreadBody.beforeAnswer(request, response);
    response.setStatus(429);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    return true;
  }

  /** skipSuccessfulRequests / skipFailedRequests: uncounts a finished request (status &lt; 400 is success). */
  void finished(Pending p, int status) {
    boolean success = status < 400;
    if ((success && skipSuccessful) || (!success && skipFailed)) {
      if (clock.getAsLong() >= p.resetAtMillis()) {
        return; // its window is over: nothing to take back
      }
      try {
        store.decrement(p.key());
      } catch (Exception ignored) {
        // express-rate-limit logs and carries on
      }
    }
  }

  /** express-rate-limit's {@code ipKeyGenerator}: IPv4 as is, IPv6 by its /56 network. */
  static String key(String ip) {
    if (!ip.contains(":")) {
      return ip;
    }
    try {
      byte[] b = InetAddress.getByName(ip).getAddress();
      if (b.length == 4) {
        return InetAddress.getByAddress(b).getHostAddress(); // IPv4-mapped
      }
      for (int i = 7; i < 16; i++) {
        b[i] = 0;
      }
      return InetAddress.getByAddress(b).getHostAddress() + "/56";
    } catch (IOException e) {
      return ip;
    }
  }

  /** Makes a limiter's store: memory, or the one {@code backend.rateLimit.store} names. */
  interface StoreFactory {
    RateLimitStore create(long windowMillis, String prefix);
  }
}
