package dev.greenroom.database.migrations;

import java.util.List;

/**
 * The migrations one {@link Migrations#run} call manages: a plugin's own, or one module's (its own
 * history table).
 *
 * @param pluginId the plugin whose database holds them, or null for a database of no plugin
 * @param location the resource folder of the scripts ({@code db/migration/example})
 * @param historyTable Flyway's history table ({@code flyway_schema_history}, or {@code
 *     <prefix>__flyway_schema_history} for a module)
 * @param migrations every migration, oldest first
 * @param repaired what a repair did ({@code removed failed migration 2 (add note)}, {@code realigned
 *     checksum of 1 (create things)}); empty for an information request or when nothing needed it
 */
public record MigrationHistoryDTO(
    String pluginId, String location, String historyTable, List<MigrationDTO> migrations, List<String> repaired) {
  public MigrationHistoryDTO {
    migrations = List.copyOf(migrations);
    repaired = List.copyOf(repaired);
  }
}
