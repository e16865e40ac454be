package dev.greenroom.example.backend;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuditorEvent;
import dev.greenroom.backend.api.services.AuditorEventSeverityLevel;
import dev.greenroom.backend.api.services.AuditorService;
import dev.greenroom.backend.api.services.AuthorizePermissionRequest;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsService;
import dev.greenroom.http.router.RouteRequest;
import dev.greenroom.http.router.RouteResponse;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;

/**
 * The example's routes: {@code GET /health} (open), {@code GET /examples} and {@code POST
 * /examples} behind the default auth policy, each checked against its permission, the write
 * recorded as an audit event. A new example is announced on topic {@value #CREATED_TOPIC}
 * ({@code events.service}, docs/events.md) with payload {@code {"name": ..., "source": "api"}}.
 */
final class ExampleRoutes {
  private final ExampleStore store;
  private final HttpAuthService httpAuth;
  private final PermissionsService permissions;
  private final AuditorService auditor;
  private final EventsService events;

  /** The topic of a new example. */
  static final String CREATED_TOPIC = "example.created";

  ExampleRoutes(ExampleStore store, HttpAuthService httpAuth, PermissionsService permissions, AuditorService auditor,
      EventsService events) {
    this.store = store;
    this.httpAuth = httpAuth;
    this.permissions = permissions;
    this.auditor = auditor;
    this.events = events;
  }

  HttpServlet build() {
    return Router.create()
        .get("/health", req -> Map.of("status", "ok"))
        .get("/examples", req -> {
          authorize(req, ExamplePermissions.READ);
          return store.list();
        })
        .post("/examples", this::create)
        .build();
  }

  private Object create(RouteRequest req) throws Exception {
    authorize(req, ExamplePermissions.CREATE);
    Map<?, ?> body = req.body(Map.class);
    Object name = body == null ? null : body.get("name");
    if (!(name instanceof String n) || n.isBlank()) {
      throw new InputError("Invalid example: 'name' must be a non-empty string");
    }
    AuditorEvent event = auditor.createEvent(
        "example-create", AuditorEventSeverityLevel.MEDIUM, Map.of("name", n), req.servletRequest());
    try {
      boolean added = store.create(n);
      event.success(Map.of("name", n, "added", added));
      if (added) {
        events.publish(new EventParams(CREATED_TOPIC, Map.of("name", n, "source", "api")));
      }
      return RouteResponse.created(Map.of("name", n, "source", "api", "added", added));
    } catch (Exception e) {
      event.fail(e);
      throw e;
    }
  }

  private void authorize(RouteRequest req, Permission permission) {
    AuthorizeResult result = permissions
        .authorize(List.of(AuthorizePermissionRequest.of(permission)), httpAuth.credentials(req.servletRequest()))
        .get(0)
        .result();
    if (result != AuthorizeResult.ALLOW) {
      throw new NotAllowedError("Unauthorized");
    }
  }
}
