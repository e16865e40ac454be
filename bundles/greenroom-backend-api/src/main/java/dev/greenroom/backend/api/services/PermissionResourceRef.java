package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * Names a resource type and the plugin that owns it. Backstage's {@code PermissionResourceRef}
 * ({@code createPermissionResourceRef().with({pluginId, resourceType})}); the type parameters only
 * carry the resource and query classes to {@link PermissionsRegistryService#getPermissionRuleset}.
 *
 * @param pluginId the owning plugin
 * @param resourceType the resource type, such as {@code catalog-entity}
 * @param <R> the resource class
 * @param <Q> the plugin's query type
 */
public record PermissionResourceRef<R, Q>(String pluginId, String resourceType) {
  public PermissionResourceRef {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(resourceType, "resourceType");
  }

  /** A ref to {@code resourceType} of plugin {@code pluginId}. */
  public static <R, Q> PermissionResourceRef<R, Q> of(String pluginId, String resourceType) {
    return new PermissionResourceRef<>(pluginId, resourceType);
  }
}
