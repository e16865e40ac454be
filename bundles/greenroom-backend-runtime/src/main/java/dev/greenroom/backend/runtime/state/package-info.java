/**
 * The live state of a Greenroom runtime as data: plugins, modules, extension points, services,
 * each with state, cause and timings. The runtime registers {@link
 * dev.greenroom.backend.runtime.state.GreenroomRuntime} as an OSGi service; the shell and HTTP
 * endpoints read it.
 */
@Export
@Version("0.3.0")
package dev.greenroom.backend.runtime.state;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
