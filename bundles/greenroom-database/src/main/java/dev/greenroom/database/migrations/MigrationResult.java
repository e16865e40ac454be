package dev.greenroom.database.migrations;

/**
 * What {@link Migrations#run} did.
 *
 * @param skipped true when the plugin's database says {@code skipMigrations}
 * @param applied how many migrations ran now (0 when already up to date or another instance ran them)
 * @param version the schema version afterwards, or null when nothing was ever applied or skipped
 * @param historyTable the table recording applied migrations
 */
public record MigrationResult(boolean skipped, int applied, String version, String historyTable) {}
