package dev.greenroom.http.internal.limits;

import dev.greenroom.backend.api.services.Config;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code backend.rateLimit}, as Backstage applies it: the global limiter right after the request
 * log, before health and routes (MiddlewareFactory.rateLimit, on when {@code backend.rateLimit} is
 * set unless {@code global: false}; {@code true} means all defaults), and a limiter per plugin
 * listed under {@code backend.rateLimit.plugin.<pluginId>} in front of everything at {@code
 * /api/<pluginId>} (httpRouter's createRateLimitMiddleware). Each counts in its own store; a
 * request held for a plugin's start and dispatched again is counted once.
 */
public final class RateLimits {
  public static final String KEY = "backend.rateLimit";
  static final String COUNTED = RateLimits.class.getName() + ".counted";
  static final String PENDING = RateLimits.class.getName() + ".pending";
  /** No limits at all (no {@code backend.rateLimit}). */
  public static final RateLimits NONE = new RateLimits(null, Map.of());

  private final RateLimiter global;
  private final Map<String, RateLimiter> byMountPath;

  private RateLimits(RateLimiter global, Map<String, RateLimiter> byMountPath) {
    this.global = global;
    this.byMountPath = byMountPath;
  }

  public static RateLimits read(Config config) {
    return read(config, System::currentTimeMillis);
  }

  static RateLimits read(Config config, LongSupplier clock) {
    if (!config.has(KEY)) {
      return NONE;
    }
    Object raw = config.getOptional(KEY).orElse(null);
    if (Boolean.TRUE.equals(raw)) {
      return new RateLimits(RateLimiter.read(KEY, Optional.empty(), memory(clock), "", clock), Map.of());
    }
    if (!(raw instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Invalid config value at '" + KEY + "': '" + raw + "' is not true or an object");
    }
    Config options = config.getConfig(KEY);
    RateLimiter.StoreFactory stores = stores(options, clock);
    RateLimiter global = options.getOptionalBoolean("global").orElse(true)
        ? RateLimiter.read(KEY, Optional.of(options), stores, "", clock)
        : null;
    Map<String, RateLimiter> plugins = new HashMap<>();
    Optional<Config> pluginConfigs = options.getOptionalConfig("plugin");
    if (pluginConfigs.isPresent()) {
      for (String pluginId : pluginConfigs.get().keys()) {
        String key = KEY + ".plugin." + pluginId;
        plugins.put("/api/" + pluginId,
            RateLimiter.read(key, Optional.of(pluginConfigs.get().getConfig(pluginId)), stores, pluginId, clock));
      }
    }
    return new RateLimits(global, Map.copyOf(plugins));
  }

  private static RateLimiter.StoreFactory memory(LongSupplier clock) {
    return (window, prefix) -> new MemoryRateLimitStore(window, clock);
  }

  /** {@code store: {type: memory}} (the default) or {@code {type: redis, connection}}. */
  private static RateLimiter.StoreFactory stores(Config options, LongSupplier clock) {
    Optional<Config> store = options.getOptionalConfig("store");
    String type = store.map(s -> s.getString("type")).orElse("memory");
    if (type.equals("redis")) {
      String connection = store.get().getString("connection");
      return (window, prefix) -> RedisRateLimitStore.connect(connection, prefix, window, KEY + ".store.connection");
    }
    return memory(clock); // Backstage: any other type is the memory store too
  }

  /** Whether any limiter is configured. */
  public boolean any() {
    return global != null || !byMountPath.isEmpty();
  }

  /** The global limiter: true when it answered 429. */
  public boolean refusedGlobally(HttpServletRequest request, HttpServletResponse response) throws IOException {
    return global != null && refuse(global, "global", request, response);
  }

  /** The limiter of the plugin mounted at {@code mountPath} ({@code /api/<pluginId>}), if any: true when it answered 429. */
  public boolean refusedForPlugin(String mountPath, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    RateLimiter limiter = byMountPath.get(mountPath);
    return limiter != null && refuse(limiter, mountPath, request, response);
  }

  private static boolean refuse(RateLimiter limiter, String which, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String mark = COUNTED + "." + which;
    if (request.getAttribute(mark) != null) {
      return false; // a held request dispatched again: counted on its first pass
    }
    request.setAttribute(mark, Boolean.TRUE);
    return limiter.refuse(request, response, p -> pending(request).add(p));
  }

  @SuppressWarnings("unchecked")
  private static List<RateLimiter.Pending> pending(HttpServletRequest request) {
    Object p = request.getAttribute(PENDING);
    if (p == null) {
      p = new ArrayList<RateLimiter.Pending>(2);
      request.setAttribute(PENDING, p);
    }
    return (List<RateLimiter.Pending>) p;
  }

  /** When the request has been answered (or abandoned): skipSuccessfulRequests / skipFailedRequests. */
  public void finished(HttpServletRequest request, HttpServletResponse response) {
    Object p = request.getAttribute(PENDING);
    if (p instanceof List<?> list) {
      for (Object o : list) {
        RateLimiter.Pending pending = (RateLimiter.Pending) o;
        pending.limiter().finished(pending, response.getStatus());
      }
    }
  }
}
