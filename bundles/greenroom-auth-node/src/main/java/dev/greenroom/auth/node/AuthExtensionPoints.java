package dev.greenroom.auth.node;

import dev.greenroom.backend.api.ExtensionPoint;

/** Refs to the extension points of plugin {@code auth}. */
public final class AuthExtensionPoints {
  private AuthExtensionPoints() {}

  /** {@code auth.providers}: Backstage's {@code authProvidersExtensionPoint}. */
  public static final ExtensionPoint<AuthProvidersExtensionPoint> PROVIDERS =
      ExtensionPoint.create("auth.providers", AuthProvidersExtensionPoint.class);
}
