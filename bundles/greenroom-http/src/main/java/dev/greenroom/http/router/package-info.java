/**
 * A small routing API for plugin authors: method + path pattern with {@code {param}} segments,
 * JSON in and out through Jackson. {@link dev.greenroom.http.router.Router#build()} gives a
 * jakarta servlet to pass to {@code HttpRouterService.use}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.greenroom.http.router;
