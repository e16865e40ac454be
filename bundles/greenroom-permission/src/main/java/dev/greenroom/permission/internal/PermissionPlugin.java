package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.PermissionPolicy;
import dev.greenroom.backend.api.services.PermissionPolicyExtensionPoint;

/**
 * Plugin {@code permission}: Backstage's permission backend. Offers {@code permission.policy} to
 * policy modules, makes the module's policy the active one while it runs, and serves {@code POST
 * /api/permission/authorize}.
 */
public class PermissionPlugin extends BackendPlugin {
  public static final String PLUGIN_ID = "permission";
  private final PermissionSystem system;

  public PermissionPlugin(PermissionSystem system) {
    super(PLUGIN_ID);
    this.system = system;
  }

  @Override
  protected void register(RegistrationPoints env) {
    PolicyHolder holder = new PolicyHolder();
    env.registerExtensionPoint(PermissionPolicyExtensionPoint.POLICY, holder);
    env.registerInit(
        Deps.of(CoreServices.ROOT_CONFIG, CoreServices.LOGGER, CoreServices.LIFECYCLE, CoreServices.HTTP_ROUTER,
            CoreServices.HTTP_AUTH, CoreServices.USER_INFO),
        deps -> {
          LoggerService logger = deps.get(CoreServices.LOGGER);
          PermissionPolicy policy = holder.policy();
          boolean enabled = PermissionSettings.enabled(deps.get(CoreServices.ROOT_CONFIG));
          if (policy != null) {
            system.policy().set(policy);
            deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> system.policy().clear(policy));
            logger.info("Permission policy: " + policy
                + (enabled ? "" : " (inactive: permission.enabled is false, every request is allowed)"));
          } else if (!enabled) {
            logger.info("No permission policy installed; permission.enabled is false, every request is allowed");
          }
          PermissionEvaluator evaluator = new PermissionEvaluator(enabled, system, deps.get(CoreServices.USER_INFO), logger);
          deps.get(CoreServices.HTTP_ROUTER).use(AuthorizeRoutes.servlet(evaluator, deps.get(CoreServices.HTTP_AUTH)));
        });
  }
}
