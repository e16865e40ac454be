package dev.greenroom.permission.policy.allowall;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.backend.api.services.PermissionPolicy;
import dev.greenroom.backend.api.services.PermissionPolicyExtensionPoint;
import dev.greenroom.backend.api.services.PolicyQuery;
import dev.greenroom.backend.api.services.PolicyQueryUser;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code allow-all-policy} of plugin {@code permission}: a policy that allows every request,
 * as Backstage's plugins/permission-backend-module-allow-all-policy. With {@code permission.enabled:
 * true} it keeps the system on (service principals, access restrictions, the routes) while allowing
 * everything. docs/permissions.md.
 */
@GreenroomModule(pluginId = "permission", moduleId = "allow-all-policy")
@Component(service = BackendFeature.class)
public class AllowAllPolicyModule extends BackendModule {
  /** The policy: ALLOW for every request. */
  public static final PermissionPolicy POLICY = new PermissionPolicy() {
    @Override
    public QueryPermissionResponse handle(PolicyQuery request, PolicyQueryUser user) {
      return QueryPermissionResponse.allow();
    }

    @Override
    public String toString() {
      return "allow-all policy";
    }
  };

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(PermissionPolicyExtensionPoint.POLICY, policy -> policy.setPolicy(POLICY));
  }
}
