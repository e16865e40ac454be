package dev.greenroom.logging.internal.auditor;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.AuditorEventSeverityLevel;
import dev.greenroom.backend.api.services.Config;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code backend.auditor.severityLogLevelMappings}: the log level of each severity, Backstage's
 * {@code getSeverityLogLevelMappings} ({@code
 * packages/backend-defaults/src/entrypoints/auditor/utils.ts}). Defaults: low debug, medium, high
 * and critical info.
 */
public final class SeverityLogLevels {
  static final String KEY = "backend.auditor.severityLogLevelMappings";
  static final List<String> LEVELS = List.of("debug", "info", "warn", "error");

  private final Map<AuditorEventSeverityLevel, String> levels;

  private SeverityLogLevels(Map<AuditorEventSeverityLevel, String> levels) {
    this.levels = levels;
  }

  /** The defaults, for a backend without config. */
  public static SeverityLogLevels defaults() {
    Map<AuditorEventSeverityLevel, String> levels = new EnumMap<>(AuditorEventSeverityLevel.class);
    for (AuditorEventSeverityLevel s : AuditorEventSeverityLevel.values()) {
      levels.put(s, s == AuditorEventSeverityLevel.LOW ? "debug" : "info");
    }
    return new SeverityLogLevels(levels);
  }

  /**
   * Reads the mappings from the root config.
   *
   * @throws InputError naming the key and the valid values, upstream's message
   */
  public static SeverityLogLevels read(Config config) {
    Map<AuditorEventSeverityLevel, String> levels = new EnumMap<>(defaults().levels);
    for (AuditorEventSeverityLevel s : AuditorEventSeverityLevel.values()) {
      String key = KEY + "." + s.value();
      config.getOptionalString(key).ifPresent(value -> {
        if (!LEVELS.contains(value)) {
          throw new InputError("The configuration value for '" + key + "' was given an invalid value: '" + value
              + "'. Expected one of the following valid values: '" + String.join(", ", LEVELS) + "'.");
        }
        levels.put(s, value);
      });
    }
    return new SeverityLogLevels(levels);
  }

  /** The log level ({@code debug}, {@code info}, {@code warn} or {@code error}) of {@code severity}. */
  public String of(AuditorEventSeverityLevel severity) {
    return levels.get(severity);
  }
}
