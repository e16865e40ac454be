package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.RootConfigService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration over a tree of maps, lists and scalars (as parsed by Jackson). Error messages follow
 * Backstage's ConfigReader and name the full key and the source ({@code context}).
 */
public final class MapConfig implements RootConfigService {
  private final Map<String, Object> data;
  private final String prefix;
  private final String context;

  public MapConfig(Map<String, Object> data, String context) {
    this(data, "", context);
  }

  private MapConfig(Map<String, Object> data, String prefix, String context) {
    this.data = data == null ? Map.of() : data;
    this.prefix = prefix;
    this.context = context;
  }

  public static MapConfig empty() {
    return new MapConfig(Map.of(), "empty-config");
  }

  /** The underlying data, read-only. */
  public Map<String, Object> data() {
    return Collections.unmodifiableMap(data);
  }

  @Override
  public boolean has(String key) {
    return lookup(key) != null;
  }

  @Override
  public Set<String> keys() {
    return new LinkedHashSet<>(data.keySet());
  }

  @Override
  public Optional<Object> getOptional(String key) {
    return Optional.ofNullable(lookup(key));
  }

  @Override
  public String getString(String key) {
    return getOptionalString(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<String> getOptionalString(String key) {
    Object v = lookup(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      if (s.isEmpty()) {
        throw wrongType(key, "string", "non-empty string");
      }
      return Optional.of(s);
    }
    throw wrongType(key, typeName(v), "string");
  }

  @Override
  public double getNumber(String key) {
    return getOptionalNumber(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<Double> getOptionalNumber(String key) {
    Object v = lookup(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (v instanceof String s) {
      try {
        return Optional.of(Double.parseDouble(s.trim()));
      } catch (NumberFormatException e) {
        throw wrongType(key, "string", "number");
      }
    }
    throw wrongType(key, typeName(v), "number");
  }

  @Override
  public boolean getBoolean(String key) {
    return getOptionalBoolean(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<Boolean> getOptionalBoolean(String key) {
    Object v = lookup(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if ("true".equals(v)) {
      return Optional.of(true);
    }
    if ("false".equals(v)) {
      return Optional.of(false);
    }
    throw wrongType(key, typeName(v), "boolean");
  }

  @Override
  public Config getConfig(String key) {
    return getOptionalConfig(key).orElseThrow(() -> missing(key));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Config> getOptionalConfig(String key) {
    Object v = lookup(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map<?, ?> m) {
      return Optional.of(new MapConfig((Map<String, Object>) m, fullKey(key) + ".", context));
    }
    throw wrongType(key, typeName(v), "object");
  }

  @Override
  public List<Config> getConfigArray(String key) {
    return getOptionalConfigArray(key).orElseThrow(() -> missing(key));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<List<Config>> getOptionalConfigArray(String key) {
    Object v = lookup(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof List<?> list)) {
      throw wrongType(key, typeName(v), "object-array");
    }
    List<Config> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof Map<?, ?> m)) {
        throw wrongType(key + "[" + i + "]", typeName(item), "object");
      }
      out.add(new MapConfig((Map<String, Object>) m, fullKey(key) + "[" + i + "].", context));
    }
    return Optional.of(List.copyOf(out));
  }

  @Override
  public List<String> getStringArray(String key) {
    return getOptionalStringArray(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<List<String>> getOptionalStringArray(String key) {
    Object v = lookup(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof List<?> list)) {
      throw wrongType(key, typeName(v), "string-array");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw wrongType(key + "[" + i + "]", typeName(list.get(i)), "string");
      }
      out.add(s);
    }
    return Optional.of(List.copyOf(out));
  }

  private Object lookup(String key) {
    Object current = data;
    for (String part : key.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private String fullKey(String key) {
    return prefix + key;
  }

  private IllegalArgumentException missing(String key) {
    return new IllegalArgumentException("Missing required config value at '" + fullKey(key) + "' in '" + context + "'");
  }

  private IllegalArgumentException wrongType(String key, String got, String wanted) {
    return new IllegalArgumentException(
        "Invalid type in config for key '" + fullKey(key) + "' in '" + context + "', got " + got + ", wanted " + wanted);
  }

  private static String typeName(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof Map) {
      return "object";
    }
    return v.getClass().getSimpleName();
  }

  /** Deep-merges {@code overlay} onto {@code base}: maps merge, anything else replaces. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    overlay.forEach(
        (k, v) -> {
          Object existing = out.get(k);
          if (existing instanceof Map<?, ?> em && v instanceof Map<?, ?> vm) {
            out.put(k, merge((Map<String, Object>) em, (Map<String, Object>) vm));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }
}
