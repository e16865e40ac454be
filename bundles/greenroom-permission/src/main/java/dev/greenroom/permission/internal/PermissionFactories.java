package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.PermissionsRegistryService;
import dev.greenroom.backend.api.services.PermissionsService;

/** The two service factories over one {@link PermissionSystem}. */
public final class PermissionFactories {
  private PermissionFactories() {}

  public static ServiceFactory<PermissionsService> permissions(PermissionSystem system) {
    return ServiceFactory.of(CoreServices.PERMISSIONS)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.ROOT_LOGGER, CoreServices.USER_INFO)
        .factory(deps -> new DefaultPermissionsService(new PermissionEvaluator(
            PermissionSettings.enabled(deps.get(CoreServices.ROOT_CONFIG)),
            system,
            deps.get(CoreServices.USER_INFO),
            deps.get(CoreServices.ROOT_LOGGER))));
  }

  public static ServiceFactory<PermissionsRegistryService> permissionsRegistry(PermissionSystem system) {
    return ServiceFactory.of(CoreServices.PERMISSIONS_REGISTRY)
        .deps(CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH, CoreServices.LIFECYCLE, CoreServices.PLUGIN_METADATA)
        .factory(deps -> {
          String pluginId = deps.get(CoreServices.PLUGIN_METADATA).getId();
          PluginPermissions store = new PluginPermissions(pluginId);
          DefaultPermissionsRegistry registry = new DefaultPermissionsRegistry(pluginId, store, system.validator());
          LifecycleService lifecycle = deps.get(CoreServices.LIFECYCLE);
          system.put(store);
          lifecycle.addStartupHook(registry::markStarted);
          lifecycle.addShutdownHook(() -> system.remove(store));
          deps.get(CoreServices.HTTP_ROUTER).use(
              IntegrationRoutes.servlet(store, deps.get(CoreServices.HTTP_AUTH), system.validator()));
          return registry;
        });
  }
}
