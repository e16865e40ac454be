/**
 * Test a Greenroom plugin or module in plain JUnit, as Backstage's {@code
 * @backstage/backend-test-utils} does: {@link dev.greenroom.backend.test.TestBackend} (Backstage's
 * {@code startTestBackend}) with every core service, {@link dev.greenroom.backend.test.MockServices}
 * ({@code mockServices}), {@link dev.greenroom.backend.test.MockCredentials} ({@code
 * mockCredentials}), an HTTP client for the backend's routes ({@link
 * dev.greenroom.backend.test.TestHttp}) and {@link dev.greenroom.backend.test.TestDatabases}. No
 * OSGi framework involved. Guide: docs/testing.md.
 */
@Export
@Version("1.0.0")
package dev.greenroom.backend.test;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
