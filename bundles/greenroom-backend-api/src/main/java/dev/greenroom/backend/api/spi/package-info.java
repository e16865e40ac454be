/**
 * What the runtime reads of the features the author API produces: their registrations, extension
 * point provisions and kinds. Plugin authors do not import this package; the runtime and the test
 * harness do. Backstage's counterpart is the internal half of {@code @backstage/backend-plugin-api}
 * ({@code InternalBackendFeature}, {@code InternalBackendRegistrations}).
 */
@Export
@Version("1.0.0")
package dev.greenroom.backend.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
