package dev.greenroom.permission.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.PermissionCondition;
import dev.greenroom.backend.api.services.PermissionCriteria;
import dev.greenroom.http.router.RouteRequest;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backstage's permission-integration routes on a plugin's router
 * (plugins/permission-node/src/integration/createPermissionIntegrationRouter.ts): {@code GET
 * /.well-known/backstage/permissions/metadata} (behind the plugin's default barrier: user or
 * service credentials) and {@code POST .../apply-conditions} (service principals only, as
 * Backstage's registry factory refuses users that are not acting for a service).
 */
final class IntegrationRoutes {
  static final String METADATA = "/.well-known/backstage/permissions/metadata";
  static final String APPLY_CONDITIONS = "/.well-known/backstage/permissions/apply-conditions";

  private record Item(String id, String resourceRef, String resourceType, PermissionCriteria<PermissionCondition> conditions) {}

  private IntegrationRoutes() {}

  static HttpServlet servlet(PluginPermissions store, HttpAuthService httpAuth, ParamsValidator validator) {
    return Router.create(PermissionJson.MAPPER)
        .get(METADATA, req -> metadata(store))
        .post(APPLY_CONDITIONS, req -> applyConditions(req, store, httpAuth, validator))
        .build();
  }

  static Map<String, Object> metadata(PluginPermissions store) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permissions", store.permissions().stream().map(PermissionJson::permission).toList());
    out.put("rules", store.rules().stream().map(PermissionJson::rule).toList());
    return out;
  }

  private static Object applyConditions(
      RouteRequest req, PluginPermissions store, HttpAuthService httpAuth, ParamsValidator validator) {
    httpAuth.credentials(req.servletRequest(), EnumSet.of(BackstagePrincipalType.SERVICE), false);
    List<Item> items = parse(req.body(JsonNode.class));
    Set<String> unexpected = new LinkedHashSet<>();
    for (Item item : items) {
      if (!store.hasResourceType(item.resourceType())) {
        unexpected.add(item.resourceType());
      }
    }
    if (!unexpected.isEmpty()) {
      throw new InputError("Unexpected resource types: " + String.join(", ", unexpected) + ".");
    }
    Map<String, Map<String, Object>> resourcesByType = new LinkedHashMap<>();
    for (String type : new LinkedHashSet<>(items.stream().map(Item::resourceType).toList())) {
      resourcesByType.put(type, store.resources(type,
          items.stream().filter(i -> i.resourceType().equals(type)).map(Item::resourceRef).toList()));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Item item : items) {
      boolean allowed;
      try {
        allowed = Conditions.apply(item.conditions(), resourcesByType.get(item.resourceType()).get(item.resourceRef()),
            name -> store.rule(item.resourceType(), name), validator);
      } catch (IllegalArgumentException unknownRule) {
        throw new InputError(unknownRule.getMessage());
      }
      Map<String, Object> entry = new LinkedHashMap<>(); // Backstage's order: id, result
      entry.put("id", item.id());
      entry.put("result", allowed ? "ALLOW" : "DENY");
      results.add(entry);
    }
    return Map.of("items", results);
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
          PermissionJson.string(n.get("resourceRef"), path + ".resourceRef"),
          PermissionJson.string(n.get("resourceType"), path + ".resourceType"),
          PermissionJson.parseCriteria(n.get("conditions"), path + ".conditions")));
    }
    return items;
  }
}
