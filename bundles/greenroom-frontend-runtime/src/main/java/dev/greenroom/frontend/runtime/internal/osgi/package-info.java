/**
 * The OSGi adapter of the frontend runtime: the whiteboard of {@code FrontendPlugin}/{@code
 * FrontendModule} services, the {@code app} backend plugin that serves the app, and the {@code
 * greenroom:tree} command.
 */
package dev.greenroom.frontend.runtime.internal.osgi;
