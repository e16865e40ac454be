package dev.greenroom.frontend.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small config schema in the spirit of the zod schemas Backstage extensions declare: typed fields,
 * required or optional or with a default; parsing applies defaults and strips unknown keys.
 * Hand-written because the zod semantics (strip, defaults, first issue with a path) are a few dozen
 * lines, while JSON Schema validators neither strip nor default and would add a dependency.
 *
 * <pre>{@code
 * ConfigSchema.of(Field.string("path").defaultsTo("/examples"), Field.integer("pageSize").optional())
 * }</pre>
 */
public final class ConfigSchema {
  private final Map<String, Field> fields;

  private ConfigSchema(Map<String, Field> fields) {
    this.fields = fields;
  }

  public static ConfigSchema of(Field... fields) {
    Map<String, Field> map = new LinkedHashMap<>();
    for (Field f : fields) {
      map.put(f.key, f);
    }
    return new ConfigSchema(map);
  }

  /** This schema plus the fields of {@code other} (other wins on the same key), for overrides. */
  public ConfigSchema with(ConfigSchema other) {
    if (other == null) {
      return this;
    }
    Map<String, Field> map = new LinkedHashMap<>(fields);
    map.putAll(other.fields);
    return new ConfigSchema(map);
  }

  public Map<String, Field> fields() {
    return java.util.Collections.unmodifiableMap(fields);
  }

  /**
   * Parses a raw config value (null means {@code {}}).
   *
   * @throws ConfigValidationException naming the first offending field
   */
  public Map<String, Object> parse(Object raw) throws ConfigValidationException {
    return parseObject(raw == null ? Map.of() : raw, "");
  }

  private Map<String, Object> parseObject(Object raw, String prefix) throws ConfigValidationException {
    if (!(raw instanceof Map<?, ?> in)) {
      throw new ConfigValidationException(
          "Expected object, received " + Field.typeOf(raw), prefix.isEmpty() ? "" : prefix);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : fields.values()) {
      String path = prefix.isEmpty() ? f.key : prefix + "." + f.key;
      Object value = in.get(f.key);
      if (value == null) {
        if (f.defaultValue != null) {
          out.put(f.key, f.defaultValue);
        } else if (!f.optional) {
          throw new ConfigValidationException("Missing required value", path);
        }
        continue;
      }
      out.put(f.key, f.check(value, path));
    }
    return out;
  }

  /** One field of a {@link ConfigSchema}. Immutable; modifiers return copies. */
  public static final class Field {
    enum Type {
      STRING("string"),
      INTEGER("integer"),
      NUMBER("number"),
      BOOLEAN("boolean"),
      STRING_LIST("array"),
      OBJECT("object");

      final String label;

      Type(String label) {
        this.label = label;
      }
    }

    private final String key;
    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final ConfigSchema nested;

    private Field(String key, Type type, boolean optional, Object defaultValue, ConfigSchema nested) {
      this.key = key;
      this.type = type;
      this.optional = optional;
      this.defaultValue = defaultValue;
      this.nested = nested;
    }

    public static Field string(String key) {
      return new Field(key, Type.STRING, false, null, null);
    }

    public static Field integer(String key) {
      return new Field(key, Type.INTEGER, false, null, null);
    }

    public static Field number(String key) {
      return new Field(key, Type.NUMBER, false, null, null);
    }

    public static Field bool(String key) {
      return new Field(key, Type.BOOLEAN, false, null, null);
    }

    public static Field stringList(String key) {
      return new Field(key, Type.STRING_LIST, false, null, null);
    }

    public static Field object(String key, ConfigSchema schema) {
      return new Field(key, Type.OBJECT, false, null, schema);
    }

    public Field optional() {
      return new Field(key, type, true, defaultValue, nested);
    }

    /** Used when the key is absent; also makes the field not required. */
    public Field defaultsTo(Object value) {
      return new Field(key, type, true, value, nested);
    }

    public String key() {
      return key;
    }

    public boolean isRequired() {
      return !optional;
    }

    public Object defaultValue() {
      return defaultValue;
    }

    Object check(Object value, String path) throws ConfigValidationException {
      switch (type) {
        case STRING:
          if (value instanceof String) {
            return value;
          }
          break;
        case BOOLEAN:
          if (value instanceof Boolean) {
            return value;
          }
          break;
        case NUMBER:
          if (value instanceof Number) {
            return value;
          }
          break;
        case INTEGER:
          if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
          }
          if (value instanceof Number n) {
            if (n.doubleValue() == Math.rint(n.doubleValue())) {
              return n.longValue();
            }
            throw new ConfigValidationException("Expected integer, received float", path);
          }
          break;
        case STRING_LIST:
          if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
              if (!(list.get(i) instanceof String s)) {
                throw new ConfigValidationException(
                    "Expected string, received " + typeOf(list.get(i)), path + "." + i);
              }
              out.add(s);
            }
            return List.copyOf(out);
          }
          break;
        case OBJECT:
          if (value instanceof Map<?, ?>) {
            return nested.parseObject(value, path);
          }
          break;
        default:
          break;
      }
      throw new ConfigValidationException(
          "Expected " + type.label + ", received " + typeOf(value), path);
    }

    static String typeOf(Object v) {
      if (v == null) {
        return "null";
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
      if (v instanceof List<?>) {
        return "array";
      }
      if (v instanceof Map<?, ?>) {
        return "object";
      }
      return v.getClass().getSimpleName();
    }
  }
}
