/**
 * Greenroom's core.auth, core.httpAuth and core.userInfo as plain service factories, for {@code
 * TestBackend} and for any launcher that wires factories itself. In OSGi the bundle registers them
 * on its own.
 */
@Export
@Version("0.1.0")
package dev.greenroom.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
