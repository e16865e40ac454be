package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * One definitive permission check. Backstage's {@code AuthorizePermissionRequest}.
 *
 * @param permission the permission to check
 * @param resourceRef the resource a resource permission is checked against; null for a basic one
 */
public record AuthorizePermissionRequest(Permission permission, String resourceRef) {
  public AuthorizePermissionRequest {
    Objects.requireNonNull(permission, "permission");
  }

  public static AuthorizePermissionRequest of(Permission permission) {
    return new AuthorizePermissionRequest(permission, null);
  }

  public static AuthorizePermissionRequest of(Permission permission, String resourceRef) {
    return new AuthorizePermissionRequest(permission, resourceRef);
  }
}
