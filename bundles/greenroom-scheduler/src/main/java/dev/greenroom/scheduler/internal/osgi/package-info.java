/** The OSGi adapter: registers the plain-Java scheduler factory as a whiteboard service. */
@GreenroomServices({"core.scheduler"})
package dev.greenroom.scheduler.internal.osgi;

import dev.greenroom.backend.api.annotations.GreenroomServices;
