package dev.greenroom.backend.api.services;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A log line's metadata: a JSON object whose values may be strings, numbers, booleans, null, lists
 * and nested maps (other objects are logged as their {@code toString()}). Backstage's {@code
 * LogMeta} ({@code { [name: string]: unknown }}, {@code packages/backend-plugin-api/src/services/
 * definitions/LoggerService.ts}). It is an immutable, insertion-ordered {@code Map<String,
 * Object>}, so it passes wherever a meta map is taken; it exists as a type of its own so that
 * {@link LoggerService#child(LogMeta)} can sit next to the older {@link
 * LoggerService#child(Map)} that takes string values only.
 */
public final class LogMeta extends AbstractMap<String, Object> {
  private static final LogMeta EMPTY = new LogMeta(Map.of());

  private final Map<String, Object> entries;

  private LogMeta(Map<String, Object> entries) {
    this.entries = entries;
  }

  /** No metadata. */
  public static LogMeta empty() {
    return EMPTY;
  }

  /**
   * A copy of {@code meta} in its iteration order; null keys are refused, null values kept (they
   * log as JSON {@code null}). A null {@code meta} gives {@link #empty()}.
   *
   * @throws NullPointerException if a key is null
   */
  public static LogMeta from(Map<String, ?> meta) {
    if (meta == null || meta.isEmpty()) {
      return EMPTY;
    }
    if (meta instanceof LogMeta m) {
      return m;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    meta.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "log meta key"), v));
    return new LogMeta(Collections.unmodifiableMap(copy));
  }

  /**
   * Metadata from alternating keys and values: {@code LogMeta.of("task", id, "attempt", 3)}.
   *
   * @throws IllegalArgumentException if the count is odd or a key is not a non-null string
   */
  public static LogMeta of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "LogMeta.of takes keys and values in pairs, got " + keysAndValues.length + " arguments");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String key)) {
        throw new IllegalArgumentException(
            "LogMeta.of: argument " + i + " must be a String key, got " + keysAndValues[i]);
      }
      map.put(key, keysAndValues[i + 1]);
    }
    return new LogMeta(Collections.unmodifiableMap(map));
  }

  /**
   * This metadata with {@code other}'s entries added (they win on equal keys), as winston's {@code
   * child} merges meta.
   */
  public LogMeta with(Map<String, ?> other) {
    if (other == null || other.isEmpty()) {
      return this;
    }
    Map<String, Object> merged = new LinkedHashMap<>(entries);
    other.forEach((k, v) -> merged.put(Objects.requireNonNull(k, "log meta key"), v));
    return new LogMeta(Collections.unmodifiableMap(merged));
  }

  /**
   * The values as strings, for loggers that only take strings: strings as they are, everything
   * else rendered as compact JSON (maps and lists too), null as {@code null}.
   */
  public Map<String, String> toStringValues() {
    Map<String, String> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k, v instanceof String s ? s : LogMetaJson.write(v)));
    return out;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }

  @Override
  public Object get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }
}
