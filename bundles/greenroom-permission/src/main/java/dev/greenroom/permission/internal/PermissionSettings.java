package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.Config;

/** {@code permission.enabled} (default false), as Backstage reads it. */
final class PermissionSettings {
  private PermissionSettings() {}

  static boolean enabled(Config config) {
    return config.getOptionalBoolean("permission.enabled").orElse(false);
  }
}
