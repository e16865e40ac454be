package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A named permission that a plugin checks before acting. Backstage's {@code Permission} from
 * {@code @backstage/plugin-permission-common}: a basic permission ({@code type: 'basic'},
 * {@code resourceType} null) or a resource permission ({@code type: 'resource'}), checked against
 * one resource of {@code resourceType}. On the wire (metadata route, {@code /api/permission/authorize})
 * it is {@code {"type","name","attributes":{"action"},"resourceType"}}.
 *
 * @param name the permission's name, such as {@code catalog.entity.read}
 * @param action the action it guards ({@code attributes.action}); null if unspecified
 * @param resourceType the resource type of a resource permission; null for a basic one
 */
public record Permission(String name, PermissionAction action, String resourceType) {
  /** Backstage's {@code type} of a basic permission. */
  public static final String BASIC = "basic";
  /** Backstage's {@code type} of a resource permission. */
  public static final String RESOURCE = "resource";

  public Permission {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A permission name must not be blank");
    }
  }

  /** A basic permission (Backstage's {@code createPermission({name, attributes})}). */
  public static Permission basic(String name, PermissionAction action) {
    return new Permission(name, action, null);
  }

  /** A resource permission (Backstage's {@code createPermission({name, attributes, resourceType})}). */
  public static Permission resource(String name, PermissionAction action, String resourceType) {
    return new Permission(name, action, Objects.requireNonNull(resourceType, "resourceType"));
  }

  /** Whether this is a resource permission (Backstage's {@code type: 'resource'}). */
  public boolean isResourcePermission() {
    return resourceType != null;
  }

  /** Backstage's {@code type}: {@value #BASIC} or {@value #RESOURCE}. */
  public String type() {
    return isResourcePermission() ? RESOURCE : BASIC;
  }

  /**
   * Whether {@code other} is the same permission, compared by name as Backstage's {@code
   * isPermission(permission, comparedPermission)} does.
   */
  public boolean is(Permission other) {
    return other != null && name.equals(other.name);
  }
}
