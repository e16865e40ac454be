/**
 * Bundle annotations that declare, in the manifest, what a bundle will contribute. The runtime's
 * coordinator reads them to know which module services to wait for; the bnd resolver reads them
 * to pull plugins and the runtime into a launch profile.
 */
@Export
@Version("0.1.0")
package dev.greenroom.backend.api.annotations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
