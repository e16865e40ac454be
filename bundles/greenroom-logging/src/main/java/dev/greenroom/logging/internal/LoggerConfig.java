package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.event.Level;

/**
 * {@code backend.logger} as Backstage reads it ({@code getRootLoggerConfig}, {@code
 * packages/backend-defaults/src/entrypoints/rootLogger/config.ts}): {@code level}, {@code meta}
 * (fields added to every line) and {@code overrides} (a level for the lines matching some fields).
 *
 * @param level the configured level, empty when not set
 * @param meta extra base meta for every line
 * @param overrides level overrides, in order
 */
record LoggerConfig(Optional<Level> level, Map<String, Object> meta, List<LevelOverride> overrides) {
  static final String KEY = "backend.logger";

  static LoggerConfig read(Config config) {
    Optional<Level> level = config.getOptionalString(KEY + ".level").map(name -> {
      Level parsed = WinstonLevels.parse(name);
      if (parsed == null) {
        throw invalidLevel(KEY + ".level", name);
      }
      return parsed;
    });
    Map<String, Object> meta = new LinkedHashMap<>();
    config.getOptionalConfig(KEY + ".meta").ifPresent(m -> {
      for (String k : m.keys()) {
        meta.put(k, m.getOptional(k).orElse(null));
      }
    });
    return new LoggerConfig(level, meta, overrides(config));
  }

  /** Only the overrides: they follow config changes while the backend runs, as upstream. */
  static List<LevelOverride> overrides(Config config) {
    List<LevelOverride> overrides = new ArrayList<>();
    List<Config> entries = config.getOptionalConfigArray(KEY + ".overrides").orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      Config entry = entries.get(i);
      String at = KEY + ".overrides[" + i + "]";
      String name = entry.getOptionalString("level").orElseThrow(() -> new IllegalArgumentException(
          "Missing required config value at '" + at + ".level'"));
      Level level = WinstonLevels.parse(name);
      if (level == null) {
        throw invalidLevel(at + ".level", name);
      }
      Config matchersConfig = entry.getOptionalConfig("matchers").orElseThrow(() -> new IllegalArgumentException(
          "Missing required config value at '" + at + ".matchers'"));
      Map<String, Object> matchers = new LinkedHashMap<>();
      for (String k : matchersConfig.keys()) {
        Object value = matchersConfig.getOptional(k).orElse(null);
        if (value instanceof Map<?, ?>) {
          throw new IllegalArgumentException("Invalid config at " + at + ".matchers." + k
              + ", a matcher must be a string, number, boolean or a list of them, not an object");
        }
        matchers.put(k, value);
      }
      overrides.add(LevelOverride.of(matchers, level));
    }
    return overrides;
  }

  /** Upstream's message for a bad override level, used for the global level too. */
  private static IllegalArgumentException invalidLevel(String key, String value) {
    return new IllegalArgumentException("Invalid config at " + key + ", '" + value
        + "' is not a valid logging level, must be one of 'error', 'warn', 'info' or 'debug'.");
  }
}
