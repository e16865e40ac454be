package dev.greenroom.permission.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionAction;
import dev.greenroom.backend.api.services.PermissionCondition;
import dev.greenroom.backend.api.services.PermissionCriteria;
import dev.greenroom.backend.api.services.PermissionRule;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backstage's wire shapes (plugins/permission-common/src/types): permissions, criteria, decisions.
 * Parse errors are {@link InputError}s naming the offending path of the request body.
 */
final class PermissionJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private PermissionJson() {}

  static Map<String, Object> permission(Permission p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", p.type());
    out.put("name", p.name());
    out.put("attributes", p.action() == null ? Map.of() : Map.of("action", p.action().value()));
    if (p.isResourcePermission()) {
      out.put("resourceType", p.resourceType());
    }
    return out;
  }

  /** A rule as the metadata route lists it: {@code {name, description, resourceType, paramsSchema}}. */
  static Map<String, Object> rule(PermissionRule<?, ?> rule) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", rule.name());
    out.put("description", rule.description());
    out.put("resourceType", rule.resourceType());
    out.put("paramsSchema", rule.paramsSchema());
    return out;
  }

  static Map<String, Object> decision(QueryPermissionResponse d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", d.result().name());
    if (d.conditions() != null) {
      out.put("pluginId", d.pluginId());
      out.put("resourceType", d.resourceType());
      out.put("conditions", criteria(d.conditions()));
    }
    return out;
  }

  static Object criteria(PermissionCriteria<PermissionCondition> c) {
    if (c instanceof PermissionCriteria.AllOf<PermissionCondition> all) {
      return Map.of("allOf", all.allOf().stream().map(PermissionJson::criteria).toList());
    }
    if (c instanceof PermissionCriteria.AnyOf<PermissionCondition> any) {
      return Map.of("anyOf", any.anyOf().stream().map(PermissionJson::criteria).toList());
    }
    if (c instanceof PermissionCriteria.Not<PermissionCondition> not) {
      return Map.of("not", criteria(not.not()));
    }
    PermissionCondition leaf = ((PermissionCriteria.Leaf<PermissionCondition>) c).value();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", leaf.rule());
    out.put("resourceType", leaf.resourceType());
    out.put("params", leaf.params());
    return out;
  }

  // ---- parsing ----

  static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw invalid(path, "an object");
    }
    return node;
  }

  static List<JsonNode> array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw invalid(path, "an array");
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  static String string(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw invalid(path, "a string");
    }
    return node.asText();
  }

  static String optionalString(JsonNode node, String path) {
    return node == null || node.isNull() ? null : string(node, path);
  }

  /** {@code {type: 'basic'|'resource', name, attributes: {action?}, resourceType}}. */
  static Permission parsePermission(JsonNode node, String path) {
    object(node, path);
    String type = string(node.get("type"), path + ".type");
    String name = string(node.get("name"), path + ".name");
    if (name.isBlank()) {
      throw invalid(path + ".name", "a non-empty string");
    }
    JsonNode attributes = object(node.get("attributes"), path + ".attributes");
    PermissionAction action = null;
    JsonNode a = attributes.get("action");
    if (a != null && !a.isNull()) {
      String value = string(a, path + ".attributes.action");
      for (PermissionAction candidate : PermissionAction.values()) {
        if (candidate.value().equals(value)) {
          action = candidate;
        }
      }
      if (action == null) {
        throw new InputError("Invalid request body: '" + path + ".attributes.action' of permission '" + name
            + "' must be one of 'create', 'read', 'update', 'delete', got '" + value + "'");
      }
    }
    switch (type) {
      case Permission.BASIC:
        return Permission.basic(name, action);
      case Permission.RESOURCE:
        return Permission.resource(name, action, string(node.get("resourceType"), path + ".resourceType"));
      default:
        throw new InputError("Invalid request body: '" + path + ".type' of permission '" + name
            + "' must be 'basic' or 'resource', got '" + type + "'");
    }
  }

  /** {@code {allOf: [...]}}, {@code {anyOf: [...]}}, {@code {not: ...}} or {@code {rule, resourceType, params?}}. */
  static PermissionCriteria<PermissionCondition> parseCriteria(JsonNode node, String path) {
    object(node, path);
    if (node.has("allOf") || node.has("anyOf")) {
      String key = node.has("allOf") ? "allOf" : "anyOf";
      List<JsonNode> children = array(node.get(key), path + "." + key);
      if (children.isEmpty()) {
        throw invalid(path + "." + key, "a non-empty array");
      }
      List<PermissionCriteria<PermissionCondition>> parsed = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        parsed.add(parseCriteria(children.get(i), path + "." + key + "[" + i + "]"));
      }
      return key.equals("allOf") ? PermissionCriteria.allOf(parsed) : PermissionCriteria.anyOf(parsed);
    }
    if (node.has("not")) {
      return PermissionCriteria.not(parseCriteria(node.get("not"), path + ".not"));
    }
    if (!node.has("rule")) {
      throw new InputError("Invalid request body: '" + path
          + "' must be one of {allOf: [...]}, {anyOf: [...]}, {not: ...} or {rule, resourceType, params}");
    }
    String rule = string(node.get("rule"), path + ".rule");
    String resourceType = string(node.get("resourceType"), path + ".resourceType");
    JsonNode params = node.get("params");
    Map<String, Object> values = Map.of();
    if (params != null && !params.isNull()) {
      object(params, path + ".params");
      values = toMap(params);
    }
    return PermissionCriteria.of(new PermissionCondition(rule, resourceType, values));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class));
    }
    return out;
  }

  static InputError invalid(String path, String expected) {
    return new InputError("Invalid request body: '" + path + "' must be " + expected);
  }
}
