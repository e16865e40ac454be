/**
 * Greenroom's HTTP services outside OSGi: {@link dev.greenroom.http.standalone.HttpServices} gives
 * the service factories of {@code core.rootHttpRouter}, {@code core.httpRouter}, {@code
 * core.rootHealth} and {@code core.discovery} for a {@code TestBackend}, served by an {@link
 * dev.greenroom.http.standalone.EmbeddedJetty}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package dev.greenroom.http.standalone;
