/** The OSGi adapter: registers the plain-Java factories and plugin {@code permission} as whiteboard services. */
@GreenroomServices({"core.permissions", "core.permissionsRegistry"})
package dev.greenroom.permission.internal.osgi;

import dev.greenroom.backend.api.annotations.GreenroomServices;
