package dev.greenroom.logging.internal;

import java.util.Locale;
import java.util.Map;

/** How lines are written: human-readable for a developer's terminal, JSON lines for log shippers. */
public enum LogFormat {
  PRETTY,
  JSON;

  /** Chooses the explicit override, else JSON under {@code NODE_ENV=production} as Backstage does. */
  public static LogFormat fromEnv(Map<String, String> env) {
    String explicit = env.get(LogSettings.FORMAT_VAR);
    if (explicit != null && !explicit.isBlank()) {
      switch (explicit.trim().toLowerCase(Locale.ROOT)) {
        case "json":
          return JSON;
        case "pretty":
        case "text":
          return PRETTY;
        default:
          throw new IllegalArgumentException(
              "Invalid " + LogSettings.FORMAT_VAR + " '" + explicit + "': expected json or pretty");
      }
    }
    return "production".equals(env.get("NODE_ENV")) ? JSON : PRETTY;
  }
}
