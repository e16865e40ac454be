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
  /** Plugin {@code events}' bus while it runs (PostgreSQL, or memory on another database). */
  ALWAYS,
  /** The same as {@link #ALWAYS} in-process (upstream: the bus unless the events backend is absent). The default. */
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
