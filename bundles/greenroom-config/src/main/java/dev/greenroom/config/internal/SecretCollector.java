package dev.greenroom.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.config.ConfigSchema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the config values that a schema marks {@code "visibility": "secret"} (every scalar
 * under a secret node), following properties, additionalProperties, patternProperties-free
 * items and allOf/anyOf/oneOf branches, as Backstage's schema filtering does. A node with a
 * {@code type} the value does not have is skipped, so of {@code anyOf: [string (secret), object
 * (with a secret password)]} only the branch that fits the value applies.
 */
public final class SecretCollector {
  private SecretCollector() {}

  public static Set<String> collect(List<ConfigSchema> schemas, Map<String, Object> data) {
    Set<String> out = new LinkedHashSet<>();
    for (ConfigSchema s : schemas) {
      walk(s.schema(), data, out);
    }
    return Set.copyOf(out);
  }

  private static void walk(JsonNode schema, Object value, Set<String> out) {
    if (schema == null || !schema.isObject() || value == null) {
      return;
    }
    // a branch whose type the value does not have does not apply (ajv, upstream, would not match it)
    if (schema.has("type") && !hasType(schema.get("type"), value)) {
      return;
    }
    if ("secret".equals(schema.path("visibility").asText())) {
      leaves(value, out);
      return;
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      schema.path(combinator).forEach(sub -> walk(sub, value, out));
    }
    if (value instanceof Map<?, ?> map) {
      JsonNode props = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      map.forEach((k, v) -> {
        JsonNode sub = props.get(String.valueOf(k));
        walk(sub != null ? sub : additional.isObject() ? additional : null, v, out);
      });
    } else if (value instanceof List<?> list && schema.path("items").isObject()) {
      list.forEach(item -> walk(schema.get("items"), item, out));
    }
  }

  private static boolean hasType(JsonNode type, Object value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (hasType(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "string" -> value instanceof String;
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "number" -> value instanceof Number;
      case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
      case "boolean" -> value instanceof Boolean;
      default -> true;
    };
  }

  private static void leaves(Object value, Set<String> out) {
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> leaves(v, out));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> leaves(v, out));
    } else if (value != null && !String.valueOf(value).isEmpty()) {
      out.add(String.valueOf(value));
    }
  }
}
