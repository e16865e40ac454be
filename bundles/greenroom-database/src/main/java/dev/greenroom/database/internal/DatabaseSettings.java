package dev.greenroom.database.internal;

import dev.greenroom.backend.api.services.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code backend.database} the way Backstage's database manager does: global settings,
 * overridden per plugin under {@code backend.database.plugin.<pluginId>}. Every error names the
 * config key at fault.
 */
final class DatabaseSettings {
  static final String ROOT = "backend.database";
  static final String DEFAULT_PREFIX = "backstage_plugin_";
  static final String DEFAULT_H2_DIRECTORY = "./data/db";
  private static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Config config;
  private final DatabaseClient client;
  private final String prefix;
  private final boolean schemaMode;

  /** @param config the root config; {@code backend.database} may be absent (embedded H2 on disk) */
  DatabaseSettings(Config config) {
    this.config = config;
    this.client = config.getOptionalString(ROOT + ".client")
        .map(v -> DatabaseClient.parse(v, ROOT + ".client"))
        .orElse(DatabaseClient.H2);
    this.prefix = config.getOptionalString(ROOT + ".prefix").orElse(DEFAULT_PREFIX);
    String mode = config.getOptionalString(ROOT + ".pluginDivisionMode").orElse("database");
    if (!mode.equals("database") && !mode.equals("schema")) {
      throw new IllegalArgumentException(
          "Invalid pluginDivisionMode '" + mode + "' at config key '" + ROOT
              + ".pluginDivisionMode': expected 'database' or 'schema'");
    }
    this.schemaMode = mode.equals("schema");
    // Fail at startup, not at a plugin's first getClient(): a wrong global connection is fatal.
    if (client == DatabaseClient.PG) {
      PgConnection.parse(config.getOptional(ROOT + ".connection").orElse(null), ROOT + ".connection");
    } else {
      h2Target(config.getOptional(ROOT + ".connection").orElse(null), ROOT + ".connection");
    }
  }

  DatabaseClient client() {
    return client;
  }

  PluginDatabaseSettings forPlugin(String pluginId) {
    if (!PLUGIN_ID.matcher(pluginId).matches()) {
      throw new IllegalArgumentException("Invalid plugin id for a database: '" + pluginId + "'");
    }
    String pluginKey = ROOT + ".plugin." + pluginId;
    DatabaseClient pluginClient = config.getOptionalString(pluginKey + ".client")
        .map(v -> DatabaseClient.parse(v, pluginKey + ".client"))
        .orElse(client);
    // Backstage: a plugin on another client does not inherit the base connection.
    boolean inherits = pluginClient == client;
    Object baseConnection = inherits ? config.getOptional(ROOT + ".connection").orElse(null) : null;
    Object pluginConnection = config.getOptional(pluginKey + ".connection").orElse(null);

    boolean ensureExists = bool(pluginKey + ".ensureExists")
        .or(() -> bool(ROOT + ".ensureExists")).orElse(true);
    boolean ensureSchemaExists = bool(pluginKey + ".ensureSchemaExists")
        .or(() -> bool(ROOT + ".ensureSchemaExists")).orElse(false);
    boolean skipMigrations = bool(pluginKey + ".skipMigrations")
        .or(() -> bool(ROOT + ".skipMigrations")).orElse(false);
    String role = config.getOptionalString(pluginKey + ".role")
        .or(() -> config.getOptionalString(ROOT + ".role")).orElse(null);
    int max = poolSize(pluginKey + ".knexConfig.pool.max", ROOT + ".knexConfig.pool.max", 10);
    int min = Math.min(max, poolSize(pluginKey + ".knexConfig.pool.min", ROOT + ".knexConfig.pool.min", 0));

    if (pluginClient == DatabaseClient.H2) {
      H2Target t = pluginConnection != null
          ? h2Target(pluginConnection, pluginKey + ".connection")
          : h2Target(baseConnection, ROOT + ".connection");
      return new PluginDatabaseSettings(pluginId, DatabaseClient.H2, t.inMemory(), t.directory(), null,
          pluginId, null, true, skipMigrations, null, max, min);
    }

    PgConnection pg = PgConnection.parse(baseConnection, ROOT + ".connection");
    if (!schemaMode) {
      // Backstage: databases are never shared unless in schema mode, so the base name is dropped.
      pg = pg.withoutDatabase();
    }
    if (pluginConnection instanceof Map<?, ?> m) {
      pg = pg.overriddenBy(m, pluginKey + ".connection");
    } else if (pluginConnection != null) {
      pg = PgConnection.parse(pluginConnection, pluginKey + ".connection");
    }
    String databaseName = schemaMode ? pg.database() : Optional.ofNullable(pg.database()).orElse(prefix + pluginId);
    String schema = schemaMode ? pluginId : null;
    // Backstage: in schema mode ensureExists governs creating the schema too.
    boolean ensure = schemaMode ? (ensureExists || ensureSchemaExists) : ensureExists;
    return new PluginDatabaseSettings(pluginId, DatabaseClient.PG, false, null, pg, databaseName, schema,
        ensure, skipMigrations, role, max, min);
  }

  private Optional<Boolean> bool(String key) {
    return config.getOptionalBoolean(key);
  }

  private int poolSize(String pluginKey, String globalKey, int def) {
    String key = config.has(pluginKey) ? pluginKey : globalKey;
    Optional<Double> v = config.getOptionalNumber(key);
    if (v.isEmpty()) {
      return def;
    }
    double d = v.get();
    if (d < 0 || d != Math.rint(d) || d > 1000) {
      throw new IllegalArgumentException(
          "Invalid pool size " + d + " at config key '" + key + "': expected a whole number from 0 to 1000");
    }
    return (int) d;
  }

  private record H2Target(boolean inMemory, Path directory) {}

  /** H2: absent = files under ./data/db; ':memory:' = in-memory; {directory} = files there. */
  private static H2Target h2Target(Object raw, String key) {
    if (raw == null) {
      return new H2Target(false, Path.of(DEFAULT_H2_DIRECTORY));
    }
    if (raw instanceof String s) {
      if (s.equals(":memory:")) {
        return new H2Target(true, null);
      }
      throw new IllegalArgumentException(
          "Invalid database connection '" + s + "' at config key '" + key
              + "': for H2 use ':memory:' or an object with 'directory'");
    }
    if (raw instanceof Map<?, ?> m) {
      Object dir = m.get("directory");
      Object filename = m.get("filename");
      if (dir == null && ":memory:".equals(filename)) {
        return new H2Target(true, null);
      }
      if (dir == null) {
        return new H2Target(false, Path.of(DEFAULT_H2_DIRECTORY));
      }
      if (!(dir instanceof String d) || d.isBlank()) {
        throw new IllegalArgumentException(
            "Invalid directory at config key '" + key + ".directory': expected a path");
      }
      return new H2Target(false, Path.of(d));
    }
    throw new IllegalArgumentException(
        "Invalid database connection at config key '" + key + "': expected ':memory:' or an object with 'directory'");
  }
}
