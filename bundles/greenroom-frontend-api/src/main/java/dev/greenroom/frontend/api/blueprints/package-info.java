/** Blueprints for the common extension kinds: pages, nav items, the app layout and the app document. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.greenroom.frontend.api.blueprints;
