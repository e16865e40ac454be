package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AttachmentPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code app.extensions} ({@code readAppExtensionsConfig}): every entry form of Backstage, with
 * its messages verbatim. Input is the plain value from YAML (List/Map/String/Boolean).
 */
public final class AppExtensionsConfig {
  private static final List<String> KNOWN = List.of("attachTo", "disabled", "config");

  private AppExtensionsConfig() {}

  /**
   * @param appExtensions the value of {@code app.extensions}, null when absent
   * @throws IllegalArgumentException with Backstage's message for the first bad entry
   */
  public static List<ExtensionParameters> read(Object appExtensions) {
    if (appExtensions == null) {
      return List.of();
    }
    if (!(appExtensions instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "Invalid type in config for key 'app.extensions', got "
              + typeOf(appExtensions)
              + ", wanted object-array");
    }
    List<ExtensionParameters> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(expand(list.get(i), i));
    }
    return out;
  }

  /** One entry ({@code expandShorthandExtensionParameters}). */
  public static ExtensionParameters expand(Object entry, int index) {
    if (entry instanceof String id) {
      assertValidId(id, index);
      return new ExtensionParameters(id, null, false, null);
    }
    if (!(entry instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(msg(index, "must be a string or an object", null, null));
    }
    if (map.size() != 1) {
      String keys =
          map.isEmpty()
              ? "none"
              : "'" + String.join("', '", map.keySet().stream().map(String::valueOf).toList()) + "'";
      throw new IllegalArgumentException(msg(index, "must have exactly one key, got " + keys, null, null));
    }
    Map.Entry<?, ?> only = map.entrySet().iterator().next();
    String id = String.valueOf(only.getKey());
    Object value = only.getValue();
    assertValidId(id, index);

    if (value == null) {
      return new ExtensionParameters(id, null, false, null);
    }
    if (value instanceof Boolean b) {
      return new ExtensionParameters(id, null, !b, null);
    }
    if ("true".equals(value) || "false".equals(value)) {
      return new ExtensionParameters(id, null, "false".equals(value), null);
    }
    if (!(value instanceof Map<?, ?> params)) {
      throw new IllegalArgumentException(
          msg(index, "value must be a boolean, 'true', 'false', or object", id, null));
    }

    Object attachToRaw = params.get("attachTo");
    Object disabledRaw = params.get("disabled");
    Object configRaw = params.get("config");
    AttachmentPoint attachTo = null;
    if (params.containsKey("attachTo")) {
      if (!(attachToRaw instanceof Map<?, ?> a)) {
        throw new IllegalArgumentException(msg(index, "must be an object", id, "attachTo"));
      }
      if (!(a.get("id") instanceof String aid) || aid.isEmpty()) {
        throw new IllegalArgumentException(msg(index, "must be a non-empty string", id, "attachTo.id"));
      }
      if (!(a.get("input") instanceof String ain) || ain.isEmpty()) {
        throw new IllegalArgumentException(
            msg(index, "must be a non-empty string", id, "attachTo.input"));
      }
      attachTo = new AttachmentPoint(aid, ain);
    }
    Boolean disabled = null;
    if (params.containsKey("disabled")) {
      if (disabledRaw instanceof Boolean b) {
        disabled = b;
      } else if ("true".equals(disabledRaw) || "false".equals(disabledRaw)) {
        disabled = "true".equals(disabledRaw);
      } else {
        throw new IllegalArgumentException(
            msg(index, "must be a boolean, 'true', or 'false'", id, "disabled"));
      }
    }
    Map<String, Object> config = null;
    if (params.containsKey("config")) {
      if (!(configRaw instanceof Map<?, ?> c)) {
        throw new IllegalArgumentException(msg(index, "must be an object", id, "config"));
      }
      config = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : c.entrySet()) {
        config.put(String.valueOf(e.getKey()), e.getValue());
      }
    }
    List<String> unknown =
        params.keySet().stream().map(String::valueOf).filter(k -> !KNOWN.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          msg(
              index,
              "unknown parameter; expected one of '" + String.join("', '", KNOWN) + "'",
              id,
              String.join(", ", unknown)));
    }
    return new ExtensionParameters(id, attachTo, disabled, config);
  }

  private static void assertValidId(String id, int index) {
    if (id.isEmpty() || !id.equals(id.strip())) {
      throw new IllegalArgumentException(
          msg(index, "extension ID must not be empty or contain whitespace", null, null));
    }
  }

  private static String msg(int index, String message, String key, String prop) {
    return "Invalid extension configuration at app.extensions["
        + index
        + "]"
        + (key != null ? "[" + key + "]" : "")
        + (prop != null ? "." + prop : "")
        + ", "
        + message;
  }

  private static String typeOf(Object v) {
    if (v instanceof Map<?, ?>) {
      return "object";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Number) {
      return "number";
    }
    return v.getClass().getSimpleName();
  }
}
