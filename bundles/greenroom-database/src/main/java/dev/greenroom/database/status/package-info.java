/**
 * The live state of each plugin's database (pool not yet opened, connecting, ready, unavailable
 * and why), for readiness checks and diagnostics.
 */
@Export
@Version("0.1.0")
package dev.greenroom.database.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
