/**
 * Node library of plugin {@code auth} (Backstage's {@code @backstage/plugin-auth-node}): provider
 * modules depend on this bundle, never on the plugin bundle. {@link AuthExtensionPoints#PROVIDERS}
 * ({@code auth.providers}) takes an {@link AuthProviderFactory} per provider id; the plugin serves
 * each configured provider's {@link AuthProviderRouteHandlers} below {@code /api/auth/<providerId>}.
 */
@Export
@Version("1.0.0")
package dev.greenroom.auth.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
