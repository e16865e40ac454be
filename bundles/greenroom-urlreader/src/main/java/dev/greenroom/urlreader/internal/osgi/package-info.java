/** The OSGi side of core.urlReader: registers its factory on the feature whiteboard. */
package dev.greenroom.urlreader.internal.osgi;
