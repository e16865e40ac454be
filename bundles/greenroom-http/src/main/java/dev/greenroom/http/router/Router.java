package dev.greenroom.http.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.http.internal.ETags;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes by method and path pattern, Express-style, into one servlet:
 *
 * <pre>{@code
 * httpRouter.use(Router.create()
 *     .get("/examples", req -> examples)
 *     .get("/examples/{id}", req -> find(req.param("id")))
 *     .post("/examples", req -> RouteResponse.created(add(req.body(Example.class))))
 *     .build());
 * }</pre>
 *
 * Patterns match the request's path info (the part after {@code /api/<pluginId>}) segment by
 * segment; {@code {name}} (or {@code :name}) matches one non-empty segment. Routes are tried in the
 * order added. A request no route matches is answered with an uncommitted 404, so the plugin
 * router passes it on to its next handler (Express's {@code next()}). {@code HEAD} is served by
 * {@code GET} routes. As Express's router (options {@code caseSensitive: false, strict: false}),
 * literal segments match in any case and a trailing {@code /} is ignored. A JSON answer carries
 * Express's weak {@code ETag}, and a {@code GET}/{@code HEAD} whose {@code If-None-Match} names it
 * is answered 304 without a body.
 */
public final class Router {
  private record Route(String method, String[] segments, RouteHandler handler) {}

  private final ObjectMapper mapper;
  private final List<Route> routes = new ArrayList<>();

  private Router(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public static Router create() {
    return new Router(new ObjectMapper().findAndRegisterModules());
  }

  /** A router writing and reading JSON with {@code mapper}. */
  public static Router create(ObjectMapper mapper) {
    return new Router(mapper);
  }

  public Router get(String pattern, RouteHandler handler) {
    return route("GET", pattern, handler);
  }

  public Router post(String pattern, RouteHandler handler) {
    return route("POST", pattern, handler);
  }

  public Router put(String pattern, RouteHandler handler) {
    return route("PUT", pattern, handler);
  }

  public Router patch(String pattern, RouteHandler handler) {
    return route("PATCH", pattern, handler);
  }

  public Router delete(String pattern, RouteHandler handler) {
    return route("DELETE", pattern, handler);
  }

  public Router route(String method, String pattern, RouteHandler handler) {
    if (pattern == null || !pattern.startsWith("/")) {
      throw new IllegalArgumentException("Route pattern must start with '/': " + pattern);
    }
    routes.add(new Route(method.toUpperCase(Locale.ROOT), split(pattern), handler));
    return this;
  }

  /** The servlet serving these routes (later additions to this router are not seen by it). */
  public HttpServlet build() {
    return new RouterServlet(List.copyOf(routes), mapper);
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  private static Map<String, String> match(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String seg = pattern[i];
      if (seg.startsWith("{") && seg.endsWith("}") || seg.startsWith(":")) {
        if (path[i].isEmpty()) {
          return null;
        }
        String name = seg.startsWith(":") ? seg.substring(1) : seg.substring(1, seg.length() - 1);
        params.put(name, URLDecoder.decode(path[i], StandardCharsets.UTF_8));
      } else if (!seg.equalsIgnoreCase(path[i])) {
        return null;
      }
    }
    return params;
  }

  private static final class RouterServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient List<Route> routes;
    private final transient ObjectMapper mapper;

    RouterServlet(List<Route> routes, ObjectMapper mapper) {
      this.routes = routes;
      this.mapper = mapper;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      String[] path = split(request.getPathInfo() == null ? "/" : request.getPathInfo());
      String method = request.getMethod();
      for (Route route : routes) {
        boolean methodOk = route.method().equals(method) || (method.equals("HEAD") && route.method().equals("GET"));
        if (!methodOk) {
          continue;
        }
        Map<String, String> params = match(route.segments(), path);
        if (params != null) {
          answer(route.handler(), new RouteRequest(request, response, params, mapper), response);
          return;
        }
      }
      response.setStatus(404);
    }

    private void answer(RouteHandler handler, RouteRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      Object result;
      try {
        result = handler.handle(request);
      } catch (RuntimeException | IOException | ServletException e) {
        throw e;
      } catch (Exception e) {
        throw new ServletException(e);
      }
      if (response.isCommitted()) {
        return; // the handler wrote the answer itself
      }
      int status = 200;
      Object body = result;
      if (result instanceof RouteResponse r) {
        status = r.status();
        body = r.body();
      } else if (result == null) {
        status = 204;
      }
      if (body != null) {
        ETags.writeJson(request.servletRequest(), response, status, mapper.writeValueAsBytes(body));
      } else {
        response.setStatus(status);
      }
    }
  }
}
