package dev.greenroom.events.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.Locale;

/**
 * {@code events.useEventBus}: upstream's EventBusMode (plugins/events-node/src/api/
 * DefaultEventsService.ts), read the same way with the same message for a bad value.
 */
public enum EventBusMode {
  /** In-process only, even when plugin {@code events} runs a bus. */
  NEVER,
  /** Plugin {@code events}' bus, whatever its database (on H2 that bus is in memory). */
  ALWAYS,
  /** The bus when plugin {@code events}' database is PostgreSQL; in-process otherwise. The default. */
  AUTO;

  public static final String KEY = "events.useEventBus";

  public static EventBusMode from(Config config) {
    String value = config == null ? "auto" : config.getOptionalString(KEY).orElse("auto");
    for (EventBusMode m : values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "Invalid events.useEventBus config, must be one of never, always, auto, got '" + value + "'");
  }
}
