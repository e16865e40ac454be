/**
 * Start a Greenroom backend from features in plain JUnit, with mock services, as Backstage's
 * {@code startTestBackend} does. No OSGi framework involved.
 */
@Export
@Version("0.1.0")
package dev.greenroom.backend.test;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
