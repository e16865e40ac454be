/** The OSGi adapter of plugin {@code auth}: its DS component. */
package dev.greenroom.auth.backend.internal.osgi;
