/**
 * Schema migrations shipped inside a plugin or module bundle, run with Flyway against the
 * plugin's own database: {@link dev.greenroom.database.migrations.Migrations#run}.
 */
@Export
@Version("0.1.0")
package dev.greenroom.database.migrations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
