package dev.greenroom.database.internal;

import java.nio.file.Path;

/**
 * Everything needed to open one plugin's database, resolved from {@code backend.database} and
 * {@code backend.database.plugin.<id>}.
 *
 * @param h2Directory where the H2 file lives; null for in-memory H2 and for PostgreSQL
 * @param pg the server connection (PostgreSQL only)
 * @param databaseName the logical database ({@code <prefix><pluginId>} in database mode)
 * @param schema the plugin's schema in schema mode, else null
 * @param role a role to {@code SET ROLE} to on each new connection, or null
 */
record PluginDatabaseSettings(
    String pluginId,
    DatabaseClient client,
    boolean inMemory,
    Path h2Directory,
    PgConnection pg,
    String databaseName,
    String schema,
    boolean ensureExists,
    boolean skipMigrations,
    String role,
    int maxPoolSize,
    int minIdle) {

  /** What this connects to, without credentials. */
  String describe() {
    if (client == DatabaseClient.PG) {
      return pg.describe(databaseName) + (schema == null ? "" : " schema " + schema);
    }
    return inMemory ? "h2:mem:" + pluginId : "h2:file:" + h2Directory.resolve(pluginId);
  }
}
