/** The {@code core.database} service factory, for plain Java backends and {@code TestBackend}. */
@Export
@Version("0.1.0")
package dev.greenroom.database;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
