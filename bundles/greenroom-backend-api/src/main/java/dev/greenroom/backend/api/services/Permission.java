package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A named permission that a plugin checks before acting. Backstage's {@code Permission}: a basic
 * permission ({@code resourceType} null) or a resource permission, checked against one resource of
 * {@code resourceType}.
 *
 * @param name the permission's name, such as {@code catalog.entity.read}
 * @param action the action it guards; null if unspecified
 * @param resourceType the resource type of a resource permission; null for a basic one
 */
public record Permission(String name, PermissionAction action, String resourceType) {
  public Permission {
    Objects.requireNonNull(name, "name");
  }

  public static Permission basic(String name, PermissionAction action) {
    return new Permission(name, action, null);
  }

  public static Permission resource(String name, PermissionAction action, String resourceType) {
    return new Permission(name, action, Objects.requireNonNull(resourceType, "resourceType"));
  }

  /** Whether this is a resource permission (Backstage's {@code type: 'resource'}). */
  public boolean isResourcePermission() {
    return resourceType != null;
  }
}
