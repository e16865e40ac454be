package dev.greenroom.config.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Backstage's {@code ConfigReader}: a chain of readers, one per source, the last loaded source
 * first. A typed getter reads the first source that has the key, so its type error names the file
 * that supplied the value ({@code Invalid type in config for key 'x' in 'app-config.local.yaml',
 * got string, wanted number}). Objects are merged across sources; arrays and scalars are not.
 */
public final class ConfigReader implements Config {
  private final Map<String, Object> data;
  private final String context;
  private final ConfigReader fallback;
  private final String prefix;

  private ConfigReader(Map<String, Object> data, String context, ConfigReader fallback, String prefix) {
    this.data = data;
    this.context = context;
    this.fallback = fallback;
    this.prefix = prefix;
  }

  /** Readers over {@code layers} in load order: later layers win, as in {@code fromConfigs}. */
  public static ConfigReader fromLayers(List<ConfigLayer> layers) {
    if (layers.isEmpty()) {
      return new ConfigReader(null, "empty-config", null, "");
    }
    ConfigReader reader = null;
    for (ConfigLayer layer : layers) {
      reader = new ConfigReader(layer.data(), layer.context(), reader, "");
    }
    return reader;
  }

  @Override
  public boolean has(String key) {
    return readValue(key) != null || (fallback != null && fallback.has(key));
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    if (data != null) {
      keys.addAll(data.keySet());
    }
    if (fallback != null) {
      keys.addAll(fallback.keys());
    }
    return keys;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Object> getOptional(String key) {
    Object value = readValue(key);
    Object fallbackValue = fallback == null ? null : fallback.getOptional(key).orElse(null);
    if (value == null) {
      return Optional.ofNullable(fallbackValue);
    }
    if (value instanceof Map<?, ?> vm && fallbackValue instanceof Map<?, ?> fm) {
      return Optional.of(JsValues.freeze(JsValues.merge((Map<String, Object>) fm, (Map<String, Object>) vm)));
    }
    return Optional.of(value);
  }

  @Override
  public String getString(String key) {
    return getOptionalString(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<String> getOptionalString(String key) {
    return readConfigValue(key, v -> v instanceof String s && !s.isEmpty() ? null : new Invalid("string"))
        .map(String.class::cast);
  }

  @Override
  public double getNumber(String key) {
    return getOptionalNumber(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<Double> getOptionalNumber(String key) {
    Optional<Source> found = findValue(key, v -> v instanceof Number || v instanceof String ? null : new Invalid("number"));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object v = found.get().value();
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    Double d = JsValues.toFiniteNumber((String) v);
    if (d == null) {
      throw new ConfigValueException(unconvertible(found.get().reader.fullKey(key), found.get().reader.context, "number"));
    }
    return Optional.of(d);
  }

  @Override
  public boolean getBoolean(String key) {
    return getOptionalBoolean(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<Boolean> getOptionalBoolean(String key) {
    Optional<Source> found = findValue(key, v -> v instanceof Boolean || v instanceof String ? null : new Invalid("boolean"));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object v = found.get().value();
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if ("true".equals(v)) {
      return Optional.of(true);
    }
    if ("false".equals(v)) {
      return Optional.of(false);
    }
    throw new ConfigValueException(unconvertible(found.get().reader.fullKey(key), found.get().reader.context, "boolean"));
  }

  @Override
  public Config getConfig(String key) {
    return getOptionalConfig(key).orElseThrow(() -> missing(key));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Config> getOptionalConfig(String key) {
    Object value = readValue(key);
    ConfigReader fallbackConfig = fallback == null ? null : (ConfigReader) fallback.getOptionalConfig(key).orElse(null);
    if (value instanceof Map<?, ?> m) {
      return Optional.of(new ConfigReader((Map<String, Object>) m, context, fallbackConfig, fullKey(key)));
    }
    if (value != null) {
      throw new ConfigValueException(invalidType(fullKey(key), context, JsValues.typeOf(value), "object"));
    }
    return Optional.ofNullable(fallbackConfig);
  }

  @Override
  public List<Config> getConfigArray(String key) {
    return getOptionalConfigArray(key).orElseThrow(() -> missing(key));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<List<Config>> getOptionalConfigArray(String key) {
    Optional<Source> found = findValue(key, v -> {
      if (!(v instanceof List<?> list)) {
        return new Invalid("object-array");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map)) {
          return new Invalid("object-array", list.get(i), key + "[" + i + "]");
        }
      }
      return null;
    });
    return found.map(s -> {
      List<Config> out = new ArrayList<>();
      List<?> list = (List<?>) s.value();
      for (int i = 0; i < list.size(); i++) {
        out.add(new ConfigReader((Map<String, Object>) list.get(i), s.reader.context, null, s.reader.fullKey(key + "[" + i + "]")));
      }
      return List.copyOf(out);
    });
  }

  @Override
  public List<String> getStringArray(String key) {
    return getOptionalStringArray(key).orElseThrow(() -> missing(key));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<List<String>> getOptionalStringArray(String key) {
    return findValue(key, v -> {
      if (!(v instanceof List<?> list)) {
        return new Invalid("string-array");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String s) || s.isEmpty()) {
          return new Invalid("string-array", list.get(i), key + "[" + i + "]");
        }
      }
      return null;
    }).map(s -> List.copyOf((List<String>) s.value()));
  }

  /** The contexts of this reader's chain, in load order ({@code app-config.yaml, env}). */
  public List<String> contexts() {
    List<String> out = fallback == null ? new ArrayList<>() : fallback.contexts();
    if (data != null && !out.contains(context)) {
      out.add(context);
    }
    return out;
  }

  /** The context (file name, {@code env}) of the source that supplies {@code key}, if any. */
  public Optional<String> contextOf(String key) {
    return readValue(key) != null ? Optional.of(context) : fallback == null ? Optional.empty() : fallback.contextOf(key);
  }

  private String fullKey(String key) {
    return prefix + (prefix.isEmpty() ? "" : ".") + key;
  }

  private ConfigValueException missing(String key) {
    List<String> contexts = contexts();
    String where = contexts.isEmpty() ? "empty-config" : String.join(", ", contexts);
    return new ConfigValueException("Missing required config value at '" + fullKey(key) + "' in '" + where + "'");
  }

  static String invalidType(String key, String context, String got, String wanted) {
    return "Invalid type in config for key '" + key + "' in '" + context + "', got " + got + ", wanted " + wanted;
  }

  static String unconvertible(String key, String context, String wanted) {
    return "Unable to convert config value for key '" + key + "' in '" + context + "' to a " + wanted;
  }

  private record Invalid(String expected, Object value, String key) {
    Invalid(String expected) {
      this(expected, null, null);
    }
  }

  private record Source(ConfigReader reader, Object value) {}

  private Optional<Object> readConfigValue(String key, Function<Object, Invalid> validate) {
    return findValue(key, validate).map(Source::value);
  }

  private Optional<Source> findValue(String key, Function<Object, Invalid> validate) {
    Object value = readValue(key);
    if (value == null) {
      return fallback == null ? Optional.empty() : fallback.findValue(key, validate);
    }
    Invalid invalid = validate.apply(value);
    if (invalid != null) {
      String badKey = invalid.key() == null ? key : invalid.key();
      Object badValue = invalid.key() == null ? value : invalid.value();
      throw new ConfigValueException(invalidType(fullKey(badKey), context, JsValues.typeOf(badValue), invalid.expected()));
    }
    return Optional.of(new Source(this, value));
  }

  private Object readValue(String key) {
    String[] parts = key.split("\\.", -1);
    for (String part : parts) {
      if (!JsValues.KEY_PART.matcher(part).matches()) {
        throw new ConfigValueException("Invalid config key '" + key + "'");
      }
    }
    if (data == null) {
      return null;
    }
    Object value = data;
    for (int i = 0; i < parts.length; i++) {
      if (value instanceof Map<?, ?> m) {
        value = m.get(parts[i]);
      } else if (value != null) {
        String badKey = fullKey(String.join(".", java.util.Arrays.copyOfRange(parts, 0, i)));
        throw new ConfigValueException(invalidType(badKey, context, JsValues.typeOf(value), "object"));
      } else {
        return null;
      }
    }
    return value;
  }

  /** The merged data of the whole chain (later sources win, objects merged, arrays replaced). */
  public Map<String, Object> mergedData() {
    Map<String, Object> base = fallback == null ? new LinkedHashMap<>() : fallback.mergedData();
    return data == null ? base : JsValues.merge(base, data);
  }
}
