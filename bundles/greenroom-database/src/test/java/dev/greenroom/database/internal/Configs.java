package dev.greenroom.database.internal;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Config trees for tests. */
final class Configs {
  private Configs() {}

  static MapConfig of(Map<String, Object> data) {
    return new MapConfig(data, "test config");
  }

  static Map<String, Object> database(Map<String, Object> database) {
    return Map.of("backend", Map.of("database", database));
  }

  static Map<String, Object> h2Dir(Path dir) {
    return database(Map.of("client", "h2", "connection", Map.of("directory", dir.toString())));
  }

  static Map<String, Object> pg(String prefix, Map<String, Object> extra) {
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("client", "pg");
    db.put("prefix", prefix);
    db.put("connection", Map.of("host", Postgres.HOST, "port", Postgres.PORT, "user", Postgres.USER));
    db.putAll(extra);
    return database(db);
  }
}
