package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin router's auth policies, Backstage's credentials-barrier predicates: a policy path is a
 * prefix matched at segment boundaries ({@code /health} covers {@code /health/x}, not {@code
 * /healthy}); {@code :name} or {@code {name}} segments match any one segment; {@code /} and {@code
 * *} match everything.
 */
public final class AuthPolicies {
  private final List<String[]> unauthenticated = new CopyOnWriteArrayList<>();
  private final List<String[]> cookie = new CopyOnWriteArrayList<>();

  public void add(HttpRouterServiceAuthPolicy policy) {
    String allow = policy.allow();
    if (HttpRouterServiceAuthPolicy.UNAUTHENTICATED.equals(allow)) {
      unauthenticated.add(segments(policy.path()));
    } else if (HttpRouterServiceAuthPolicy.USER_COOKIE.equals(allow)) {
      cookie.add(segments(policy.path()));
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

  private static boolean anyMatches(List<String[]> policies, String path) {
    if (policies.isEmpty()) {
      return false;
    }
    // Split once per request, not once per policy: this runs on every request of the plugin.
    String[] req = split(path == null ? "/" : path);
    for (String[] policy : policies) {
      if (matches(policy, req)) {
        return true;
      }
    }
    return false;
  }

  private static String[] segments(String policyPath) {
    if (policyPath == null || policyPath.equals("/") || policyPath.equals("*") || policyPath.isEmpty()) {
      return new String[0];
    }
    return split(policyPath);
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  private static boolean matches(String[] policy, String[] req) {
    if (req.length < policy.length) {
      return false;
    }
    for (int i = 0; i < policy.length; i++) {
      String seg = policy[i];
      boolean param = seg.startsWith(":") || (seg.startsWith("{") && seg.endsWith("}"));
      if (!(param ? !req[i].isEmpty() : seg.equals(req[i]))) {
        return false;
      }
    }
    return true;
  }
}
