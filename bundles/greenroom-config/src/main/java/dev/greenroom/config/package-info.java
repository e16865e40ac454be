/**
 * Greenroom's {@code core.rootConfig}: app-config files, substitutions, directives, env overlays,
 * schemas and watching. Plain Java; the OSGi adapter lives in an internal package.
 */
@Export
@Version("0.2.0")
@GreenroomServices({"core.rootConfig", "greenroom.configSchemaCheck"})
package dev.greenroom.config;

import dev.greenroom.backend.api.annotations.GreenroomServices;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
