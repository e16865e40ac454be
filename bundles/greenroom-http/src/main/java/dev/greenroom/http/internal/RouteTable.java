package dev.greenroom.http.internal;

import jakarta.servlet.Servlet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The root router's mounts. Backstage's rule: a path may not be a prefix of another (compared
 * with a trailing {@code /}, so {@code /a} and {@code /aa} do not clash); hence at most one mount
 * matches a request path. As Express (whose routers are case-insensitive by default, and
 * Backstage's {@code DefaultRootHttpRouter}, which lower-cases paths for its conflict check:
 * packages/backend-defaults/src/entrypoints/rootHttpRouter/DefaultRootHttpRouter.ts), mount
 * paths match regardless of case: {@code /API/Catalog/x} reaches the mount {@code /api/catalog}.
 */
public final class RouteTable {
  /** A mount: its path and servlet. */
  public record Route(String path, MountedServlet handler) {}

  /**
   * A match: the route, the request path's own prefix that matched the mount path ({@code
   * mountPath}, as the request spells it) and the rest of the request path after it.
   */
  public record Match(Route route, String mountPath, String rest) {}

  /**
   * The mounts by path, in mount order (a conflict names the first mount it clashes with): a
   * request looks up its path's prefixes, not every mount. Replaced whole on change.
   */
  private volatile Map<String, Route> byPath = Map.of();

  public synchronized Route use(String path, Servlet servlet) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("Root router path may not be empty");
    }
    String withSlash = trailingSlash(path).toLowerCase(Locale.ROOT);
    for (Route existing : byPath.values()) {
      String other = trailingSlash(existing.path()).toLowerCase(Locale.ROOT);
      if (withSlash.startsWith(other) || other.startsWith(withSlash)) {
        throw new IllegalArgumentException("Path " + path + " conflicts with the existing path " + existing.path());
      }
    }
    Route route = new Route(stripTrailingSlash(path), new MountedServlet(servlet, "route " + path));
    Map<String, Route> next = new LinkedHashMap<>(byPath);
    next.put(key(route.path()), route);
    byPath = Collections.unmodifiableMap(next);
    return route;
  }

  /** The route whose path is {@code path} or a segment prefix of it, or null. */
  public Match match(String path) {
    Map<String, Route> index = byPath;
    Route root = index.get("");
    if (root != null) {
      return new Match(root, "", path);
    }
    String lower = key(path); // same length: Locale.ROOT lower-casing of a decoded path's prefixes
    if (lower.length() != path.length()) {
      lower = path; // a character whose lower case is longer: match as spelled
    }
    // Segment prefixes, shortest first: "/api", "/api/a", ... then the whole path. The no-prefix
    // rule leaves at most one of them mounted.
    for (int slash = lower.indexOf('/', 1); slash > 0; slash = lower.indexOf('/', slash + 1)) {
      Route r = index.get(lower.substring(0, slash));
      if (r != null) {
        return new Match(r, path.substring(0, slash), path.substring(slash));
      }
    }
    Route exact = index.get(lower);
    return exact == null ? null : new Match(exact, path, "");
  }

  /** The route mounted at exactly {@code path} (without trailing slash), or null. */
  public Route exact(String path) {
    return byPath.get(key(path));
  }

  /** The map key of a mount path: lower case, as Express compares paths. */
  private static String key(String path) {
    return path.toLowerCase(Locale.ROOT);
  }

  /** Removes every route and destroys its servlet (the server is going away). */
  public synchronized void clear() {
    Map<String, Route> old = byPath;
    byPath = Map.of();
    old.values().forEach(r -> r.handler().destroy());
  }

  private static String trailingSlash(String p) {
    return p.endsWith("/") ? p : p + "/";
  }

  private static String stripTrailingSlash(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : (p.equals("/") ? "" : p);
  }
}
