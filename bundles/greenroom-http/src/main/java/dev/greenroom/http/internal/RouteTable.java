package dev.greenroom.http.internal;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.List;

/**
 * The root router's mounts. Backstage's rule: a path may not be a prefix of another (compared
 * with a trailing {@code /}, so {@code /a} and {@code /aa} do not clash); hence at most one mount
 * matches a request path.
 */
public final class RouteTable {
  /** A mount: its path and servlet. */
  public record Route(String path, MountedServlet handler) {}

  /** A match: the route and the rest of the request path after its mount path. */
  public record Match(Route route, String rest) {}

  private volatile List<Route> routes = List.of();

  public synchronized Route use(String path, Servlet servlet) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("Root router path may not be empty");
    }
    String withSlash = trailingSlash(path);
    for (Route existing : routes) {
      String other = trailingSlash(existing.path());
      if (withSlash.startsWith(other) || other.startsWith(withSlash)) {
        throw new IllegalArgumentException("Path " + path + " conflicts with the existing path " + existing.path());
      }
    }
    Route route = new Route(stripTrailingSlash(path), new MountedServlet(servlet, "route " + path));
    List<Route> next = new ArrayList<>(routes);
    next.add(route);
    routes = List.copyOf(next);
    return route;
  }

  /** The route whose path is {@code path} or a segment prefix of it, or null. */
  public Match match(String path) {
    for (Route r : routes) {
      String mount = r.path();
      if (path.equals(mount) || mount.isEmpty()) {
        return new Match(r, mount.isEmpty() ? path : "");
      }
      if (path.startsWith(mount) && path.charAt(mount.length()) == '/') {
        return new Match(r, path.substring(mount.length()));
      }
    }
    return null;
  }

  /** The route mounted at exactly {@code path} (without trailing slash), or null. */
  public Route exact(String path) {
    for (Route r : routes) {
      if (r.path().equals(path)) {
        return r;
      }
    }
    return null;
  }

  /** Removes every route and destroys its servlet (the server is going away). */
  public synchronized void clear() {
    List<Route> old = routes;
    routes = List.of();
    old.forEach(r -> r.handler().destroy());
  }

  private static String trailingSlash(String p) {
    return p.endsWith("/") ? p : p + "/";
  }

  private static String stripTrailingSlash(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : (p.equals("/") ? "" : p);
  }
}
