/**
 * Greenroom's frontend app runtime (Backstage's {@code frontend-app-api}): resolves node specs from
 * features and {@code app.extensions}, builds and instantiates the extension tree, collects errors
 * with their codes, renders the app as server-side HTML and visualizes the tree. Plain Java; an
 * OSGi whiteboard/servlet adapter calls {@link dev.greenroom.frontend.runtime.FrontendApp} and
 * {@link dev.greenroom.frontend.runtime.AppRenderer}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.greenroom.frontend.runtime;
