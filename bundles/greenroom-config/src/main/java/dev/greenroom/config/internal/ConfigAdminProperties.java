package dev.greenroom.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a plugin's config subtree into ConfigAdmin properties: nested keys joined with dots
 * ({@code github.token}), arrays of scalars as arrays of one type (Boolean[], Long[], Double[],
 * else String[]), arrays of objects as indexed keys ({@code targets[0].host}).
 */
public final class ConfigAdminProperties {
  public static final String PID_PREFIX = "greenroom.plugin.";
  /** Marks configurations this bundle owns, so it never deletes anyone else's. */
  public static final String MARKER = "greenroom.config.source";

  private ConfigAdminProperties() {}

  public static String pid(String pluginId) {
    return PID_PREFIX + pluginId;
  }

  public static Map<String, Object> flatten(Map<String, Object> subtree) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", subtree, out);
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else if (value instanceof List<?> list) {
      if (list.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
        for (int i = 0; i < list.size(); i++) {
          flatten(prefix + "[" + i + "]", list.get(i), out);
        }
      } else {
        out.put(prefix, scalarArray(list));
      }
    } else if (value != null) {
      out.put(prefix, scalar(value));
    }
  }

  private static Object scalar(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    return v instanceof Boolean || v instanceof Long || v instanceof Double || v instanceof String ? v : String.valueOf(v);
  }

  private static Object scalarArray(List<?> list) {
    List<Object> values = new ArrayList<>();
    list.forEach(v -> values.add(scalar(v)));
    if (!values.isEmpty() && values.stream().allMatch(Boolean.class::isInstance)) {
      return values.toArray(new Boolean[0]);
    }
    if (!values.isEmpty() && values.stream().allMatch(Long.class::isInstance)) {
      return values.toArray(new Long[0]);
    }
    if (!values.isEmpty() && values.stream().allMatch(v -> v instanceof Long || v instanceof Double)) {
      return values.stream().map(v -> ((Number) v).doubleValue()).toArray(Double[]::new);
    }
    return values.stream().map(String::valueOf).toArray(String[]::new);
  }
}
