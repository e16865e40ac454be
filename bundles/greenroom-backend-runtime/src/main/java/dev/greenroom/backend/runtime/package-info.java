/**
 * Build and run a backend from features in plain Java (Backstage's {@code backend-app-api}): used
 * by the OSGi adapter, by {@code greenroom-backend-test} and by embedders.
 */
@Export
@Version("1.0.0")
package dev.greenroom.backend.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
