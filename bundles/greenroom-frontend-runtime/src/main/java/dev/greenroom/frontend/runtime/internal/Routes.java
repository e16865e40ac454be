package dev.greenroom.frontend.runtime.internal;

import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.RenderContext;
import dev.greenroom.frontend.api.View;
import java.util.List;

/** The routes view: renders the page mounted at the request path, or the not-found view (404). */
final class Routes implements View {
  record Route(String path, String title, View view) {}

  private final List<Route> routes;
  private final View notFound;

  Routes(List<Route> routes, View notFound) {
    this.routes = routes;
    this.notFound = notFound;
  }

  @Override
  public Html render(RenderContext rc) throws Exception {
    Route best = null;
    for (Route r : routes) {
      String p = normalize(r.path());
      if (matches(p, rc.path()) && (best == null || p.length() > normalize(best.path()).length())) {
        best = r;
      }
    }
    if (best == null) {
      rc.status(404);
      return notFound.render(rc);
    }
    if (best.title() != null) {
      rc.title(best.title());
    }
    return best.view().render(rc);
  }

  /** A page at {@code /a} serves {@code /a} and its sub-paths {@code /a/...}; {@code /} only itself. */
  static boolean matches(String routePath, String requestPath) {
    String p = normalize(routePath);
    if (p.equals(requestPath)) {
      return true;
    }
    return !p.equals("/") && requestPath.startsWith(p + "/");
  }

  static String normalize(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    String p = path.startsWith("/") ? path : "/" + path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
