package dev.greenroom.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import dev.greenroom.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Backstage's {@code readEnvConfig}: {@code APP_CONFIG_app_title='"My Title"'} sets
 * {@code app.title}. Underscores split keys, the value is parsed as JSON and kept as a string when
 * it is not JSON; {@code null} is refused. Variables are read in name order so errors are stable.
 */
public final class EnvConfig {
  static final String PREFIX = "APP_CONFIG_";
  public static final String CONTEXT = "env";

  private EnvConfig() {}

  /** The overlay from {@code env}, or empty when no {@code APP_CONFIG_} variable is set. */
  @SuppressWarnings("unchecked")
  public static Optional<ConfigLayer> read(Map<String, String> env) {
    Map<String, Object> data = null;
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (value == null || value.isEmpty() || !name.startsWith(PREFIX)) {
        continue;
      }
      String key = name.substring(PREFIX.length());
      String[] parts = key.split("_", -1);
      Map<String, Object> obj = data = data == null ? new LinkedHashMap<>() : data;
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        if (!JsValues.KEY_PART.matcher(part).matches()) {
          throw error("Invalid env config key '" + key + "'", key);
        }
        if (i < parts.length - 1) {
          Object next = obj.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
          if (!(next instanceof Map)) {
            String subKey = String.join("_", java.util.Arrays.copyOfRange(parts, 0, i + 1));
            throw error("Could not nest config for key '" + key + "' under existing value '" + subKey + "'", key);
          }
          obj = (Map<String, Object>) next;
        } else {
          if (obj.containsKey(part)) {
            throw error("Refusing to override existing config at key '" + key + "'", key);
          }
          Object parsed = parse(value);
          if (parsed == null) {
            throw error("Failed to parse JSON-serialized config value for key '" + key + "', Error: value may not be null", key);
          }
          obj.put(part, parsed);
        }
      }
    }
    return data == null ? Optional.empty() : Optional.of(new ConfigLayer(data, CONTEXT, null));
  }

  private static Object parse(String value) {
    try {
      return Parsers.parseJson(value);
    } catch (JacksonException notJson) {
      return value;
    }
  }

  private static ConfigException error(String message, String key) {
    return new ConfigException(message, CONTEXT, key.replace('_', '.'));
  }
}
