package dev.greenroom.database.migrations;

import java.util.List;

/**
 * The migrations each plugin ran in this backend, to inspect and repair them from outside the plugin
 * (the {@code greenroom:migrations} Gogo command). A plugin whose migration failed half-way (on a
 * database without transactional DDL, or a non-transactional statement on PostgreSQL) fails its start
 * on every later attempt with Flyway's "Detected failed migration": {@link #repair} removes that
 * entry, so that the next start applies the (fixed) script again. Registered as an OSGi service by
 * the database bundle; plugins learn of it through {@link Migrations#run}, which records each
 * plugin's locations (docs/database.md, "Repairing a failed migration").
 */
public interface MigrationHistoryService {
  /**
   * Each migration location the plugin (and its modules) ran since the database bundle started.
   *
   * @throws IllegalArgumentException naming the plugin when it ran no migrations in this backend
   */
  List<MigrationHistoryDTO> info(String pluginId);

  /**
   * Flyway's repair on each of the plugin's locations: removes failed entries and realigns the
   * checksums, descriptions and types of applied migrations with the scripts the plugin's bundle
   * holds now. Holds the same lock as a migration run. Does not run any migration: restart the
   * plugin for that ({@code greenroom:restart <pluginId>}).
   *
   * @throws IllegalArgumentException naming the plugin when it ran no migrations in this backend, or
   *     when its bundle is gone
   */
  List<MigrationHistoryDTO> repair(String pluginId);
}
