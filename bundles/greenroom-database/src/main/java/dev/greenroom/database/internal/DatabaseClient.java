package dev.greenroom.database.internal;

import java.util.Locale;

/** The database engines Greenroom runs on. */
enum DatabaseClient {
  H2,
  PG;

  /**
   * Parses {@code backend.database.client}. Backstage's SQLite client names map to embedded H2, so
   * an unchanged Backstage {@code app-config.yaml} still starts.
   */
  static DatabaseClient parse(String value, String key) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "pg":
      case "postgres":
      case "postgresql":
        return PG;
      case "h2":
      case "better-sqlite3":
      case "sqlite3":
        return H2;
      default:
        throw new IllegalArgumentException(
            "Invalid database client '" + value + "' at config key '" + key
                + "': expected 'pg' or 'h2' ('better-sqlite3' and 'sqlite3' mean embedded H2)");
    }
  }
}
