package dev.greenroom.backend.api.services;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Registers a plugin's permissions, resource types and rules with the permission system, which
 * serves them through the permission-integration endpoints on the plugin's router. Backstage's
 * {@code PermissionsRegistryService} ({@code core.permissionsRegistry}).
 */
@ProviderType
public interface PermissionsRegistryService {
  /** Declares permissions this plugin checks. */
  void addPermissions(List<Permission> permissions);

  /**
   * Adds rules for a resource type this plugin owns (registered here or by a module of the plugin).
   */
  void addPermissionRules(List<? extends PermissionRule<?>> rules);

  /** Adds a resource type owned by this plugin, with its permissions and rules. */
  <R> void addResourceType(PermissionResourceType<R> resourceType);
}
