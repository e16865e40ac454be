package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionPolicy;
import dev.greenroom.backend.api.services.PolicyQuery;
import dev.greenroom.backend.api.services.PolicyQueryUser;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import dev.greenroom.backend.api.services.UserInfoService;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides permissions as Backstage does end to end: ServerPermissionClient's short-cuts
 * (plugins/permission-node/src/ServerPermissionClient.ts: access restrictions, {@code
 * permission.enabled}, service principals) and then the permission backend's policy call with its
 * checks of conditional decisions (plugins/permission-backend/src/service/router.ts).
 */
public final class PermissionEvaluator {
  private final boolean enabled;
  private final PermissionSystem system;
  private final UserInfoService userInfo;
  private final LoggerService logger;

  public PermissionEvaluator(boolean enabled, PermissionSystem system, UserInfoService userInfo, LoggerService logger) {
    this.enabled = enabled;
    this.system = system;
    this.userInfo = userInfo;
    this.logger = logger;
  }

  public boolean enabled() {
    return enabled;
  }

  public PermissionSystem system() {
    return system;
  }

  /** One decision per permission, in order; CONDITIONAL only for resource permissions. */
  public List<QueryPermissionResponse> decide(List<Permission> permissions, BackstageCredentials<?> credentials) {
    List<QueryPermissionResponse> out = new ArrayList<>(permissions.size());
    if (credentials.principal() instanceof BackstageServicePrincipal service && service.accessRestrictions() != null) {
      for (Permission p : permissions) {
        out.add(restricted(p, service.accessRestrictions()));
      }
      return out;
    }
    if (!enabled || credentials.principal() instanceof BackstageServicePrincipal) {
      permissions.forEach(p -> out.add(QueryPermissionResponse.allow()));
      return out;
    }
    PolicyQueryUser user = user(credentials);
    PermissionPolicy policy = system.policy().get(logger);
    for (Permission p : permissions) {
      out.add(policy == null ? QueryPermissionResponse.deny() : checked(p, ask(policy, p, user)));
    }
    return out;
  }

  /** Applies a conditional decision to one resource with its owner's rules: ALLOW or DENY. */
  public AuthorizeResult applyConditions(Permission permission, QueryPermissionResponse decision, String resourceRef) {
    PluginPermissions owner = system.plugin(decision.pluginId());
    if (owner == null || !owner.hasResourceType(decision.resourceType())) {
      throw new IllegalStateException(Messages.noOwner(decision.pluginId(), decision.resourceType(), permission.name()));
    }
    Object resource = owner.resources(decision.resourceType(), List.of(resourceRef)).get(resourceRef);
    boolean allowed = Conditions.apply(decision.conditions(), resource,
        name -> owner.rule(decision.resourceType(), name), system.validator());
    return allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  }

  private static QueryPermissionResponse restricted(Permission p, BackstagePrincipalAccessRestrictions r) {
    if (r.permissionNames() != null && !r.permissionNames().contains(p.name())) {
      return QueryPermissionResponse.deny();
    }
    if (r.permissionActions() != null && (p.action() == null || !r.permissionActions().contains(p.action()))) {
      return QueryPermissionResponse.deny();
    }
    return QueryPermissionResponse.allow();
  }

  private PolicyQueryUser user(BackstageCredentials<?> credentials) {
    return credentials.as(BackstageUserPrincipal.class)
        .map(c -> new PolicyQueryUser(c, () -> userInfo.getUserInfo(c)))
        .orElse(null);
  }

  private static QueryPermissionResponse ask(PermissionPolicy policy, Permission p, PolicyQueryUser user) {
    try {
      QueryPermissionResponse decision = policy.handle(new PolicyQuery(p), user);
      if (decision == null) {
        throw new IllegalStateException("The permission policy returned no decision for permission " + p.name());
      }
      return decision;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The permission policy failed for permission " + p.name() + ": " + e, e);
    }
  }

  private static QueryPermissionResponse checked(Permission p, QueryPermissionResponse decision) {
    if (decision.result() != AuthorizeResult.CONDITIONAL) {
      return decision;
    }
    if (!p.isResourcePermission()) {
      throw new IllegalStateException(Messages.nonResourceConditional(p.name()));
    }
    if (!decision.resourceType().equals(p.resourceType())) {
      throw new IllegalStateException(Messages.invalidConditions(p.name()));
    }
    return decision;
  }
}
