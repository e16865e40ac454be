/**
 * Greenroom's backend plugin API: the Java shape of {@code @backstage/backend-plugin-api}.
 * Service refs and factories, extension points, plugins, modules and feature loaders.
 */
@Export
@Version("1.1.0")
package dev.greenroom.backend.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
