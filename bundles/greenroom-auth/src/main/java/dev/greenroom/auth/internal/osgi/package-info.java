/** The OSGi adapter: registers the plain-Java factories as whiteboard services. */
@GreenroomServices({"core.auth", "core.httpAuth", "core.userInfo"})
package dev.greenroom.auth.internal.osgi;

import dev.greenroom.backend.api.annotations.GreenroomServices;
