/**
 * Greenroom's frontend extension API, shaped like Backstage's {@code @backstage/frontend-plugin-api}:
 * typed extension data refs, extension definitions with inputs and attachment points, per-extension
 * config schemas, frontend plugins and modules, and the core data types (safe HTML, views, routes).
 * Plain Java: no OSGi types, so plugins and tests use it without a framework.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.greenroom.frontend.api;
