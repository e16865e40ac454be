/**
 * The bare test backend: Greenroom's runtime wiring with an in-memory config and a capturing logger,
 * in plain JUnit. The core-service bundles (http, auth, database, cache, scheduler, ...) test
 * themselves on it, because greenroom-backend-test, the plugin authors' kit, depends on them. Plugin
 * authors use {@code dev.greenroom.backend.test.TestBackend}; see docs/testing.md.
 */
@Export
@Version("0.2.0")
package dev.greenroom.backend.test.base;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
