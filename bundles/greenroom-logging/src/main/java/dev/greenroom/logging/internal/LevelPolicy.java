package dev.greenroom.logging.internal;

import java.util.List;
import java.util.function.Function;
import org.slf4j.event.Level;

/**
 * Which lines pass: Backstage's {@code WinstonLogger.logLevelFilter} ({@code
 * packages/backend-defaults/src/entrypoints/rootLogger/WinstonLogger.ts}). The first override whose
 * matchers all match the line decides; a line no override matches passes at the global level.
 * Overrides can be replaced while the backend runs (a config change), the global level cannot.
 */
final class LevelPolicy {
  private final Level global;
  private volatile List<LevelOverride> overrides;

  LevelPolicy(Level global, List<LevelOverride> overrides) {
    this.global = global;
    this.overrides = List.copyOf(overrides);
  }

  static LevelPolicy of(Level global) {
    return new LevelPolicy(global, List.of());
  }

  void setOverrides(List<LevelOverride> newOverrides) {
    overrides = List.copyOf(newOverrides);
  }

  /** True when there is nothing but the global level, so a line's fields need not be looked at. */
  boolean simple() {
    return overrides.isEmpty();
  }

  Level global() {
    return global;
  }

  /** Whether a line at {@code level} with fields {@code line} is written. */
  boolean passes(Level level, Function<String, Object> line) {
    for (LevelOverride override : overrides) {
      if (override.matches(line)) {
        return WinstonLevels.passes(level, override.level());
      }
    }
    return WinstonLevels.passes(level, global);
  }

  /** The lowest level any line may pass at: what the logging backend must let through. */
  Level floor() {
    Level floor = global;
    for (LevelOverride override : overrides) {
      if (override.level().toInt() < floor.toInt()) {
        floor = override.level();
      }
    }
    return floor;
  }
}
