/**
 * Schema migrations shipped inside a plugin or module bundle, run with Flyway against the
 * plugin's own database: {@link dev.greenroom.database.migrations.Migrations#run}; their history,
 * and Flyway's repair of a failed migration: {@link dev.greenroom.database.migrations.MigrationHistoryService}.
 */
@Export
@Version("0.2.0")
package dev.greenroom.database.migrations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
