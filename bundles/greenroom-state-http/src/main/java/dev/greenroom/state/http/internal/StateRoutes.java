package dev.greenroom.state.http.internal;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.http.router.RouteRequest;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.function.Supplier;

/**
 * The runtime's state as JSON, below {@code /api/greenroom}. Only service principals (other
 * plugins, static external-access tokens) may read it: users get 403, callers without credentials
 * 401, as Backstage answers a disallowed principal type.
 */
final class StateRoutes {
  static final String SELF = StatePlugin.PLUGIN_ID;

  private StateRoutes() {}

  static HttpServlet servlet(Supplier<GreenroomRuntime> runtime, HttpAuthService httpAuth) {
    return Router.create()
        .get("/v1/plugins", req -> {
          allow(req, httpAuth);
          return rt(runtime).plugins();
        })
        .get("/v1/plugins/{id}", req -> {
          allow(req, httpAuth);
          String id = req.param("id");
          return rt(runtime).plugin(id).orElseThrow(() -> new NotFoundError("No plugin with id '" + id + "'"));
        })
        .get("/v1/plugins/{id}/diagnosis", req -> {
          allow(req, httpAuth);
          return rt(runtime).diagnose(req.param("id"));
        })
        .post("/v1/plugins/{id}/restart", req -> {
          allow(req, httpAuth);
          String id = req.param("id");
          if (SELF.equals(id)) {
            throw new ConflictError("Plugin '" + SELF + "' serves this request and cannot restart itself; use greenroom:restart " + SELF);
          }
          GreenroomRuntime rt = rt(runtime);
          if (rt.plugin(id).isEmpty()) {
            throw new NotFoundError("No plugin with id '" + id + "'");
          }
          return rt.restart(id);
        })
        .get("/v1/extension-points", req -> {
          allow(req, httpAuth);
          return rt(runtime).extensionPoints();
        })
        .get("/v1/services", req -> {
          allow(req, httpAuth);
          return rt(runtime).services();
        })
        .build();
  }

  private static void allow(RouteRequest req, HttpAuthService httpAuth) {
    httpAuth.credentials(req.servletRequest(), EnumSet.of(BackstagePrincipalType.SERVICE), false);
  }

  private static GreenroomRuntime rt(Supplier<GreenroomRuntime> runtime) {
    GreenroomRuntime rt = runtime.get();
    if (rt == null) {
      throw new dev.greenroom.backend.api.errors.ServiceUnavailableError("The Greenroom runtime service is not available");
    }
    return rt;
  }
}
