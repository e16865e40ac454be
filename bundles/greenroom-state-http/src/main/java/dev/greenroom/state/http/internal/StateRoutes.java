package dev.greenroom.state.http.internal;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.http.router.RouteHandler;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;

/**
 * The runtime's state as JSON, below {@code /api/greenroom}. Only service principals (other
 * plugins, static external-access tokens) may read it: users get 403, callers without credentials
 * 401, as Backstage answers a disallowed principal type.
 */
final class StateRoutes {
  static final String SELF = StatePlugin.PLUGIN_ID;

  private StateRoutes() {}

  static HttpServlet servlet(GreenroomRuntime runtime, HttpAuthService httpAuth) {
    return Router.create()
        .get("/v1/plugins", servicesOnly(httpAuth, req -> runtime.plugins()))
        .get("/v1/plugins/{id}", servicesOnly(httpAuth, req -> runtime.plugin(req.param("id"))
            .orElseThrow(() -> unknown(req.param("id")))))
        .get("/v1/plugins/{id}/diagnosis", servicesOnly(httpAuth, req -> runtime.diagnose(req.param("id"))))
        .post("/v1/plugins/{id}/restart", servicesOnly(httpAuth, req -> {
          String id = req.param("id");
          if (SELF.equals(id)) {
            throw new ConflictError("Plugin '" + SELF + "' serves this request and cannot restart itself; use greenroom:restart " + SELF);
          }
          if (runtime.plugin(id).isEmpty()) {
            throw unknown(id);
          }
          return runtime.restart(id);
        }))
        .get("/v1/extension-points", servicesOnly(httpAuth, req -> runtime.extensionPoints()))
        .get("/v1/services", servicesOnly(httpAuth, req -> runtime.services()))
        .get("/v1/deploy", servicesOnly(httpAuth, req -> runtime.deployFolder()))
        .build();
  }

  /** Runs {@code handler} only for service credentials (the router's barrier already let users in). */
  private static RouteHandler servicesOnly(HttpAuthService httpAuth, RouteHandler handler) {
    return req -> {
      httpAuth.credentials(req.servletRequest(), EnumSet.of(BackstagePrincipalType.SERVICE), false);
      return handler.handle(req);
    };
  }

  private static NotFoundError unknown(String id) {
    return new NotFoundError("No plugin with id '" + id + "'");
  }
}
