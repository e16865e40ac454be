package ${package}.backend;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.http.router.RouteResponse;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;

/**
 * The routes under {@code /api/${pluginId}} (Backstage's {@code createRouter}):
 *
 * <ul>
 *   <li>{@code GET /health}: {@code {"status":"ok"}}, without credentials;
 *   <li>{@code GET /items}: {@code {"items":[...]}};
 *   <li>{@code POST /items} with {@code {"title":"..."}}: 201 and the new item, whose {@code createdBy}
 *       is the caller; 400 when the title is missing or a validator refuses it.
 * </ul>
 */
final class ${pluginName}Router {
  private ${pluginName}Router() {}

  /** The body of {@code POST /items}. */
  public record NewItem(String title) {}

  static HttpServlet create(${pluginName}Store store, ${pluginName}Validators validators, HttpAuthService httpAuth) {
    return Router.create()
        .get("/health", req -> Map.of("status", "ok"))
        .get("/items", req -> Map.of("items", store.list()))
        .post("/items", req -> {
          NewItem item = req.body(NewItem.class);
          if (item == null || item.title() == null || item.title().isBlank()) {
            throw new InputError("An item needs a non-empty 'title'");
          }
          String problem = validators.problem(item.title());
          if (problem != null) {
            throw new InputError(problem);
          }
          BackstagePrincipal caller = httpAuth.credentials(req.servletRequest()).principal();
          return RouteResponse.created(store.add(item.title(), name(caller)));
        })
        .build();
  }

  /** A user's entity ref ({@code user:default/jane}) or a service's subject ({@code external:curl}). */
  private static String name(BackstagePrincipal principal) {
    if (principal instanceof BackstageUserPrincipal user) {
      return user.userEntityRef();
    }
    if (principal instanceof BackstageServicePrincipal service) {
      return service.subject();
    }
    return principal.toString();
  }
}
