package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A request for the conditions under which a resource permission is allowed, to filter many
 * resources at once. Backstage's {@code QueryPermissionRequest}.
 *
 * @param permission a resource permission
 */
public record QueryPermissionRequest(Permission permission) {
  public QueryPermissionRequest {
    Objects.requireNonNull(permission, "permission");
    if (!permission.isResourcePermission()) {
      throw new IllegalArgumentException(
          "Permission '" + permission.name() + "' is not a resource permission");
    }
  }
}
