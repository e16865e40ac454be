package dev.greenroom.backend.api.services;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Registers a plugin's permissions, resource types and rules with the permission system, which
 * serves them through Backstage's permission-integration routes on the plugin's router ({@code GET
 * /api/<pluginId>/.well-known/backstage/permissions/metadata}, {@code POST
 * .../apply-conditions}). Backstage's {@code PermissionsRegistryService} ({@code
 * core.permissionsRegistry}). Registrations are refused once the plugin has started; docs/permissions.md.
 */
@ProviderType
public interface PermissionsRegistryService {
  /**
   * Declares permissions this plugin checks (a name registered twice keeps the last).
   *
   * @throws IllegalStateException {@code Cannot add permissions after the plugin has started}
   */
  void addPermissions(List<Permission> permissions);

  /**
   * Adds rules for a resource type this plugin owns (registered here or by a module of the plugin).
   *
   * @throws IllegalArgumentException {@code Refused to add permission rule for type '<t>' with name
   *     '<n>' because it already exists}
   * @throws IllegalStateException {@code Cannot add permission rules after the plugin has started}
   */
  void addPermissionRules(List<? extends PermissionRule<?, ?>> rules);

  /**
   * Adds a resource type owned by this plugin, with its permissions and rules.
   *
   * @throws IllegalArgumentException {@code Refused to add permission resource with type '<t>'
   *     because it already exists}
   * @throws IllegalStateException {@code Cannot add permission resource types after the plugin has
   *     started}
   */
  <R> void addResourceType(PermissionResourceType<R> resourceType);

  /**
   * The rules registered for {@code resourceRef}'s type, looked up when used (so rules a module
   * adds later in the same start are seen).
   *
   * @throws IllegalArgumentException {@code Resource type '<t>' belongs to plugin '<p>', but was
   *     used with plugin '<this>'}
   */
  <R, Q> PermissionRuleset<R, Q> getPermissionRuleset(PermissionResourceRef<R, Q> resourceRef);

  /** The permissions this plugin registered, in registration order. */
  List<Permission> listPermissions();
}
