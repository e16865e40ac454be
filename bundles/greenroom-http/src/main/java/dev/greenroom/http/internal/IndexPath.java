package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.Optional;

/**
 * Backstage's index fallback of the root router ({@code DefaultRootHttpRouter} option {@code
 * indexPath}): a request outside {@code /api/} that no root route matches is served by the handler
 * mounted at the index path, seen as mounted at the root (so the {@code app} plugin sees the
 * browser's path). In Backstage it is a factory option; Greenroom reads it from config key
 * {@value #CONFIG_KEY}: a path (default {@value #DEFAULT}) or {@code false} to disable it.
 */
public final class IndexPath {
  public static final String CONFIG_KEY = "backend.indexPath";
  public static final String DEFAULT = "/api/app";
  static final String EMPTY_MESSAGE = "indexPath option may not be an empty string";

  private IndexPath() {}

  /** The configured index path without trailing slash, or empty when disabled. */
  public static Optional<String> read(Config config) {
    Optional<Object> raw = config.getOptional(CONFIG_KEY);
    if (raw.isEmpty()) {
      return Optional.of(DEFAULT);
    }
    Object v = raw.get();
    if (Boolean.FALSE.equals(v)) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException(
          "Invalid config value at '" + CONFIG_KEY + "': expected a path such as '/api/app' or false, got " + v);
    }
    return Optional.of(of(s));
  }

  /** Validates an index path as Backstage does ({@code ''} is refused with its words). */
  static String of(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException(EMPTY_MESSAGE);
    }
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p;
  }

  /**
   * Whether a request path may fall back to the index: Backstage skips the index router for
   * everything under {@code /api/} (Express mount {@code /api/} also matches {@code /api}), so
   * unknown API paths stay JSON 404s.
   */
  static boolean servesFallback(String requestPath) {
    return !(requestPath.equalsIgnoreCase("/api") || requestPath.regionMatches(true, 0, "/api/", 0, 5));
  }
}
