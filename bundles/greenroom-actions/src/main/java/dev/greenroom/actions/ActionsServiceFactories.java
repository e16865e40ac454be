package dev.greenroom.actions;

import dev.greenroom.actions.internal.ActionRoutes;
import dev.greenroom.actions.internal.DefaultActionsRegistry;
import dev.greenroom.actions.internal.DefaultActionsService;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.ActionsRegistryService;
import dev.greenroom.backend.api.services.ActionsService;
import java.util.List;

/**
 * Factories for {@code alpha.core.actionsRegistry} and {@code alpha.core.actions}, both
 * plugin-scoped as upstream's (packages/backend-defaults/src/alpha/entrypoints/actionsRegistry and
 * .../actions). In OSGi the bundle registers them itself; in plain Java add them to a backend:
 *
 * <pre>{@code
 * TestBackend.builder().add(myPlugin).add(ActionsServiceFactories.registry()).start();
 * }</pre>
 *
 * See docs/actions.md.
 */
public final class ActionsServiceFactories {
  private ActionsServiceFactories() {}

  /** Both factories. */
  public static List<ServiceFactory<?>> all() {
    return List.of(registry(), actions());
  }

  /**
   * {@code alpha.core.actionsRegistry}: a registry per plugin, whose list and invoke routes are
   * mounted on the plugin's router ({@code /.backstage/actions/v1/actions}) when the plugin first
   * asks for the service.
   */
  public static ServiceFactory<ActionsRegistryService> registry() {
    return ServiceFactory.of(CoreServices.ACTIONS_REGISTRY)
        .deps(CoreServices.PLUGIN_METADATA, CoreServices.LOGGER, CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH)
        .factory(deps -> {
          DefaultActionsRegistry registry =
              new DefaultActionsRegistry(deps.get(CoreServices.PLUGIN_METADATA).getId(), deps.get(CoreServices.LOGGER));
          deps.get(CoreServices.HTTP_ROUTER).use(ActionRoutes.servlet(registry, deps.get(CoreServices.HTTP_AUTH)));
          return registry;
        });
  }

  /**
   * {@code alpha.core.actions}: lists the actions of {@code backend.actions.pluginSources} and
   * invokes them over HTTP, with plugin request tokens on behalf of the caller.
   */
  public static ServiceFactory<ActionsService> actions() {
    return ServiceFactory.of(CoreServices.ACTIONS)
        .deps(CoreServices.DISCOVERY, CoreServices.AUTH, CoreServices.ROOT_CONFIG, CoreServices.LOGGER)
        .factory(deps -> new DefaultActionsService(
            deps.get(CoreServices.DISCOVERY),
            deps.get(CoreServices.AUTH),
            deps.get(CoreServices.ROOT_CONFIG),
            deps.get(CoreServices.LOGGER)));
  }
}
