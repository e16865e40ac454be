package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionResourceRef;
import dev.greenroom.backend.api.services.PermissionResourceType;
import dev.greenroom.backend.api.services.PermissionRule;
import dev.greenroom.backend.api.services.PermissionRuleset;
import dev.greenroom.backend.api.services.PermissionsRegistryService;
import java.util.List;

/**
 * core.permissionsRegistry for one plugin, as Backstage's permissionsRegistryServiceFactory
 * (packages/backend-defaults/src/entrypoints/permissionsRegistry): registrations close when the
 * plugin has started.
 */
public final class DefaultPermissionsRegistry implements PermissionsRegistryService {
  private final String pluginId;
  private final PluginPermissions store;
  private final ParamsValidator validator;
  private volatile boolean started;

  DefaultPermissionsRegistry(String pluginId, PluginPermissions store, ParamsValidator validator) {
    this.pluginId = pluginId;
    this.store = store;
    this.validator = validator;
  }

  void markStarted() {
    started = true;
  }

  @Override
  public void addPermissions(List<Permission> permissions) {
    if (started) {
      throw new IllegalStateException("Cannot add permissions after the plugin has started");
    }
    store.addPermissions(permissions);
  }

  @Override
  public void addPermissionRules(List<? extends PermissionRule<?, ?>> rules) {
    if (started) {
      throw new IllegalStateException("Cannot add permission rules after the plugin has started");
    }
    store.addPermissionRules(rules);
  }

  @Override
  public <R> void addResourceType(PermissionResourceType<R> resourceType) {
    if (started) {
      throw new IllegalStateException("Cannot add permission resource types after the plugin has started");
    }
    store.addResourceType(resourceType);
  }

  @Override
  public <R, Q> PermissionRuleset<R, Q> getPermissionRuleset(PermissionResourceRef<R, Q> resourceRef) {
    if (!resourceRef.pluginId().equals(pluginId)) {
      throw new IllegalArgumentException("Resource type '" + resourceRef.resourceType() + "' belongs to plugin '"
          + resourceRef.pluginId() + "', but was used with plugin '" + pluginId + "'");
    }
    return new RegisteredRuleset<>(store, resourceRef.resourceType(), validator);
  }

  @Override
  public List<Permission> listPermissions() {
    return store.permissions();
  }
}
