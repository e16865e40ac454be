package dev.greenroom.backend.api.services;

/** The outcome of a permission check. Backstage's {@code AuthorizeResult}. */
public enum AuthorizeResult {
  ALLOW,
  DENY,
  /**
   * Allowed for resources that meet conditions; only from {@link
   * PermissionsService#authorizeConditional}.
   */
  CONDITIONAL
}
