package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code backend.cors}, as Backstage reads it for the Express {@code cors} middleware: {@code
 * origin} (a string or list; {@code *} globs allowed, such as {@code https://*.example.com}),
 * {@code methods}, {@code allowedHeaders}, {@code exposedHeaders}, {@code credentials}, {@code
 * maxAge}. Without {@code backend.cors} no CORS headers are sent.
 */
public final class Cors {
  private static final String DEFAULT_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

  private final List<Pattern> origins;
  private final String methods;
  private final String allowedHeaders;
  private final String exposedHeaders;
  private final boolean credentials;
  private final String maxAge;

  private Cors(Config c) {
    this.origins = list(c, "origin").stream().map(Cors::glob).toList();
    List<String> m = list(c, "methods");
    this.methods = m.isEmpty() ? DEFAULT_METHODS : String.join(",", m);
    List<String> ah = list(c, "allowedHeaders");
    this.allowedHeaders = ah.isEmpty() ? null : String.join(",", ah);
    List<String> eh = list(c, "exposedHeaders");
    this.exposedHeaders = eh.isEmpty() ? null : String.join(",", eh);
    this.credentials = c.getOptionalBoolean("credentials").orElse(false);
    this.maxAge = c.getOptionalNumber("maxAge").map(d -> String.valueOf(d.longValue())).orElse(null);
  }

  /** The policy of {@code backend.cors}, or null when it is not configured. */
  public static Cors read(Config config) {
    return config.getOptionalConfig("backend.cors").map(Cors::new).orElse(null);
  }

  /**
   * Adds the CORS headers. Returns true when the request was a preflight and has been answered
   * (204), so the chain stops.
   */
  public boolean apply(HttpServletRequest request, HttpServletResponse response) {
    String origin = request.getHeader("Origin");
    response.addHeader("Vary", "Origin");
    if (origin == null || origins.stream().noneMatch(p -> p.matcher(origin).matches())) {
      return false;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (credentials) {
      response.setHeader("Access-Control-Allow-Credentials", "true");
    }
    if (exposedHeaders != null) {
      response.setHeader("Access-Control-Expose-Headers", exposedHeaders);
    }
    boolean preflight = "OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null;
    if (!preflight) {
      return false;
    }
    response.setHeader("Access-Control-Allow-Methods", methods);
    String headers = allowedHeaders != null ? allowedHeaders : request.getHeader("Access-Control-Request-Headers");
    if (headers != null) {
      response.setHeader("Access-Control-Allow-Headers", headers);
      response.addHeader("Vary", "Access-Control-Request-Headers");
    }
    if (maxAge != null) {
      response.setHeader("Access-Control-Max-Age", maxAge);
    }
    response.setStatus(204);
    response.setContentLength(0);
    return true;
  }

  private static List<String> list(Config c, String key) {
    Optional<Object> raw = c.getOptional(key);
    if (raw.isEmpty()) {
      return List.of();
    }
    if (raw.get() instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(raw.get()));
  }

  private static Pattern glob(String origin) {
    StringBuilder regex = new StringBuilder();
    for (String part : origin.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append("[^/]*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
