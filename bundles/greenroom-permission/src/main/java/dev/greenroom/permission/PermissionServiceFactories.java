package dev.greenroom.permission;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.PermissionsRegistryService;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.permission.internal.PermissionFactories;
import dev.greenroom.permission.internal.PermissionPlugin;
import dev.greenroom.permission.internal.PermissionSystem;
import java.util.List;

/**
 * Greenroom's permission system as plain service factories and plugin, for {@code TestBackend} and
 * launchers that wire factories themselves (in OSGi the bundle registers them on its own). The
 * factories and the plugin of one instance share one system: the active policy and each plugin's
 * registrations. docs/permissions.md.
 *
 * <pre>{@code
 * PermissionServiceFactories permissions = PermissionServiceFactories.create();
 * TestBackend.builder()
 *     .add(permissions.plugin())            // plugin 'permission': policy extension point, /authorize
 *     .add(myPolicyModule)                  // sets the policy through permission.policy
 *     .defaultService(permissions.permissions())
 *     .defaultService(permissions.permissionsRegistry())
 *     ...
 * }</pre>
 */
public final class PermissionServiceFactories {
  private final PermissionSystem system = new PermissionSystem();

  private PermissionServiceFactories() {}

  /** A new, independent permission system. */
  public static PermissionServiceFactories create() {
    return new PermissionServiceFactories();
  }

  /** {@code core.permissions} (plugin-scoped; needs core.userInfo). */
  public ServiceFactory<PermissionsService> permissions() {
    return PermissionFactories.permissions(system);
  }

  /**
   * {@code core.permissionsRegistry} (plugin-scoped; mounts the plugin's permission-integration
   * routes on its core.httpRouter).
   */
  public ServiceFactory<PermissionsRegistryService> permissionsRegistry() {
    return PermissionFactories.permissionsRegistry(system);
  }

  /** Both factories. */
  public List<ServiceFactory<?>> factories() {
    return List.of(permissions(), permissionsRegistry());
  }

  /** Plugin {@code permission} of this system. */
  public BackendPlugin plugin() {
    return new PermissionPlugin(system);
  }
}
