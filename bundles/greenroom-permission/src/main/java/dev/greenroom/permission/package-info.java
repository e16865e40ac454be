/**
 * Greenroom's core.permissions and core.permissionsRegistry, and plugin {@code permission}, as
 * plain Java for {@code TestBackend}; in OSGi the bundle registers them itself.
 */
@Export
@Version("0.1.0")
package dev.greenroom.permission;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
