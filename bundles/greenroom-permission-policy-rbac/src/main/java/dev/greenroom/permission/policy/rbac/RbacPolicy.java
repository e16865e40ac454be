package dev.greenroom.permission.policy.rbac;

import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionPolicy;
import dev.greenroom.backend.api.services.PolicyQuery;
import dev.greenroom.backend.api.services.PolicyQueryUser;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import java.util.List;
import java.util.Set;

/**
 * The role-based policy: admins are allowed everything; otherwise the first rule whose permission,
 * action and members match decides; otherwise {@code defaultResult}. A caller without credentials
 * is denied. Group membership comes from the user's ownership refs ({@code core.userInfo}), fetched
 * only when a rule names something other than the user or {@code *}.
 */
final class RbacPolicy implements PermissionPolicy {
  private final RbacConfig config;

  RbacPolicy(RbacConfig config) {
    this.config = config;
  }

  @Override
  public QueryPermissionResponse handle(PolicyQuery request, PolicyQueryUser user) {
    if (user == null) {
      return QueryPermissionResponse.deny();
    }
    if (member(config.admins(), user)) {
      return QueryPermissionResponse.allow();
    }
    Permission permission = request.permission();
    for (RbacConfig.Rule rule : config.rules()) {
      if (applies(rule, permission) && member(rule.members(), user)) {
        return rule.allow() ? QueryPermissionResponse.allow() : QueryPermissionResponse.deny();
      }
    }
    return config.defaultAllow() ? QueryPermissionResponse.allow() : QueryPermissionResponse.deny();
  }

  @Override
  public String toString() {
    return "rbac policy (" + config.admins().size() + " admin refs, " + config.rules().size() + " rules, default "
        + (config.defaultAllow() ? "allow" : "deny") + ")";
  }

  private static boolean applies(RbacConfig.Rule rule, Permission permission) {
    boolean named = rule.permissions().contains("*") || rule.permissions().contains(permission.name());
    boolean action = rule.actions().isEmpty() || (permission.action() != null && rule.actions().contains(permission.action()));
    return named && action;
  }

  private static boolean member(Set<String> members, PolicyQueryUser user) {
    if (members.isEmpty()) {
      return false;
    }
    if (members.contains("*") || members.contains(user.userEntityRef())) {
      return true;
    }
    boolean onlyUsers = members.stream().allMatch(m -> m.startsWith("user:"));
    if (onlyUsers) {
      return false; // the user's own ref did not match; no lookup needed
    }
    List<String> owned = user.info().ownershipEntityRefs();
    return owned.stream().anyMatch(members::contains);
  }
}
