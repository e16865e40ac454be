package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * What a {@link PermissionPolicy} is asked: one permission (never a resource ref, so a policy
 * decides by the permission and the user; resources are checked through conditions). Backstage's
 * {@code PolicyQuery}.
 *
 * @param permission the requested permission
 */
public record PolicyQuery(Permission permission) {
  public PolicyQuery {
    Objects.requireNonNull(permission, "permission");
  }
}
