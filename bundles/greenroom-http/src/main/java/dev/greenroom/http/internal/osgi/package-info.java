/** The OSGi adapter: registers the plain-Java factories as BackendFeature services, serves the dispatcher through the Servlet Whiteboard. */
@GreenroomServices({"core.rootHttpRouter", "core.httpRouter", "core.rootHealth", "core.discovery"})
package dev.greenroom.http.internal.osgi;

import dev.greenroom.backend.api.annotations.GreenroomServices;
