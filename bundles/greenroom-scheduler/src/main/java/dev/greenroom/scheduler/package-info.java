/** Greenroom's {@code core.scheduler} factory and its options, for use outside OSGi. */
@Export
@Version("0.2.0")
package dev.greenroom.scheduler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
