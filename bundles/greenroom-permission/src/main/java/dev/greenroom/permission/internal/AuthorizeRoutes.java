package dev.greenroom.permission.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import dev.greenroom.http.router.RouteRequest;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plugin {@code permission}'s routes, as Backstage's permission backend
 * (plugins/permission-backend/src/service/router.ts): {@code GET /health} and {@code POST
 * /authorize} for users (and callers without credentials where the default auth policy is off).
 * Beyond Backstage, a permission that no running plugin registered is refused (400), so a typo in a
 * frontend's permission name is an error instead of a silent policy decision.
 */
final class AuthorizeRoutes {
  private record Item(String id, Permission permission, String resourceRef) {}

  private AuthorizeRoutes() {}

  static HttpServlet servlet(PermissionEvaluator evaluator, HttpAuthService httpAuth) {
    return Router.create(PermissionJson.MAPPER)
        .get("/health", req -> Map.of("status", "ok"))
        .post("/authorize", req -> authorize(req, evaluator, httpAuth))
        .build();
  }

  private static Object authorize(RouteRequest req, PermissionEvaluator evaluator, HttpAuthService httpAuth) {
    BackstageCredentials<?> credentials = httpAuth.credentials(
        req.servletRequest(), EnumSet.of(BackstagePrincipalType.USER, BackstagePrincipalType.NONE), false);
    List<Item> items = parse(req.body(JsonNode.class));
    for (Item item : items) {
      known(evaluator.system(), item.permission());
    }
    List<QueryPermissionResponse> decisions =
        evaluator.decide(items.stream().map(Item::permission).toList(), credentials);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      QueryPermissionResponse decision = decisions.get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", item.id());
      if (decision.result() == AuthorizeResult.CONDITIONAL && item.resourceRef() != null) {
        entry.put("result", evaluator.applyConditions(item.permission(), decision, item.resourceRef()).name());
      } else {
        entry.putAll(PermissionJson.decision(decision));
      }
      out.add(entry);
    }
    return Map.of("items", out);
  }

  private static void known(PermissionSystem system, Permission requested) {
    Permission registered = system.registered(requested.name());
    if (registered == null) {
      throw new InputError("Unknown permission '" + requested.name() + "': no running plugin registered it");
    }
    if (!Objects.equals(registered.resourceType(), requested.resourceType())) {
      throw new InputError("Permission '" + requested.name() + "' is registered as " + describe(registered)
          + ", but was requested as " + describe(requested));
    }
  }

  private static String describe(Permission p) {
    return p.isResourcePermission() ? "a resource permission of type '" + p.resourceType() + "'" : "a basic permission";
  }

  private static List<Item> parse(JsonNode body) {
    PermissionJson.object(body, "<body>");
    List<JsonNode> nodes = PermissionJson.array(body.get("items"), "items");
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String path = "items[" + i + "]";
      JsonNode n = PermissionJson.object(nodes.get(i), path);
      items.add(new Item(
          PermissionJson.string(n.get("id"), path + ".id"),
          PermissionJson.parsePermission(n.get("permission"), path + ".permission"),
          PermissionJson.optionalString(n.get("resourceRef"), path + ".resourceRef")));
    }
    return items;
  }
}
