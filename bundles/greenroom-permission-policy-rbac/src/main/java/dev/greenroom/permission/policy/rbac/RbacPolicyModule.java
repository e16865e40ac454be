package dev.greenroom.permission.policy.rbac;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.backend.api.services.PermissionPolicyExtensionPoint;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code rbac-policy} of plugin {@code permission}: a role-based policy read from {@code
 * permission.rbac} (docs/permissions.md). Invalid config fails the module's init with a message
 * naming the key, so plugin {@code permission} does not start with a policy it misread.
 */
@GreenroomModule(pluginId = "permission", moduleId = "rbac-policy")
@Component(service = BackendFeature.class)
public class RbacPolicyModule extends BackendModule {
  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(CoreServices.ROOT_CONFIG, PermissionPolicyExtensionPoint.POLICY, (config, policy) ->
        policy.setPolicy(new RbacPolicy(RbacConfig.read(config))));
  }
}
