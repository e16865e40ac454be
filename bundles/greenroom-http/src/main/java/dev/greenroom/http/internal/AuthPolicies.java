package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin router's auth policies, Backstage's credentials-barrier predicates: a policy path is a
 * prefix matched at segment boundaries ({@code /health} covers {@code /health/x}, not {@code
 * /healthy}); {@code :name} or {@code {name}} segments match any one segment; {@code /} and {@code
 * *} match everything. Literal segments match in any case, as path-to-regexp (without {@code
 * sensitive}) in Backstage's createCredentialsBarrier.
 */
public final class AuthPolicies {
  /** A policy path's segments, with which of them are parameters (match any one segment). */
  private record Policy(String[] segments, boolean[] params) {
    static Policy of(String policyPath) {
      String[] segments = policyPath == null || policyPath.equals("/") || policyPath.equals("*")
          ? new String[0] : split(policyPath);
      boolean[] params = new boolean[segments.length];
      for (int i = 0; i < segments.length; i++) {
        String seg = segments[i];
        params[i] = seg.startsWith(":") || (seg.startsWith("{") && seg.endsWith("}"));
      }
      return new Policy(segments, params);
    }

    /**
     * Walks the request path's segments in place: this runs for every request of the plugin, so
     * it allocates nothing.
     */
    boolean matches(String path) {
      int end = path.length();
      int from = path.startsWith("/") ? 1 : 0;
      if (end > from && path.charAt(end - 1) == '/') {
        end--;
      }
      if (from >= end) {
        return segments.length == 0;
      }
      for (int i = 0; i < segments.length; i++) {
        if (from > end) {
          return false; // the request path has fewer segments
        }
        int slash = path.indexOf('/', from);
        int segEnd = slash < 0 || slash > end ? end : slash;
        int len = segEnd - from;
        boolean ok = params[i]
            ? len > 0
            : len == segments[i].length() && path.regionMatches(true, from, segments[i], 0, len);
        if (!ok) {
          return false;
        }
        from = segEnd + 1;
      }
      return true;
    }
  }

  private final List<Policy> unauthenticated = new CopyOnWriteArrayList<>();
  private final List<Policy> cookie = new CopyOnWriteArrayList<>();

  public void add(HttpRouterServiceAuthPolicy policy) {
    String allow = policy.allow();
    if (HttpRouterServiceAuthPolicy.UNAUTHENTICATED.equals(allow)) {
      unauthenticated.add(Policy.of(policy.path()));
    } else if (HttpRouterServiceAuthPolicy.USER_COOKIE.equals(allow)) {
      cookie.add(Policy.of(policy.path()));
    } else {
      throw new IllegalArgumentException("Invalid auth policy");
    }
  }

  public boolean allowsUnauthenticated(String path) {
    return anyMatches(unauthenticated, path);
  }

  public boolean allowsCookie(String path) {
    return anyMatches(cookie, path);
  }

  private static boolean anyMatches(List<Policy> policies, String path) {
    String p = path == null ? "/" : path;
    for (Policy policy : policies) {
      if (policy.matches(p)) {
        return true;
      }
    }
    return false;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
