package dev.greenroom.backend.api.services;

import java.util.List;

/**
 * Limits on a {@link BackstageServicePrincipal}, applied by the permission system where it checks
 * permissions at all. Backstage's {@code BackstagePrincipalAccessRestrictions}; its {@code
 * permissionAttributes.action} is {@code permissionActions} here. Each list is null (no limit) or
 * non-empty.
 *
 * @param permissionNames only permissions with these names are allowed; null for any
 * @param permissionActions only permissions with these actions are allowed; null for any
 */
public record BackstagePrincipalAccessRestrictions(
    List<String> permissionNames, List<PermissionAction> permissionActions) {
  public BackstagePrincipalAccessRestrictions {
    permissionNames = nonEmptyOrNull(permissionNames, "permissionNames");
    permissionActions = nonEmptyOrNull(permissionActions, "permissionActions");
  }

  private static <T> List<T> nonEmptyOrNull(List<T> list, String name) {
    if (list == null) {
      return null;
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException(name + " must be null or non-empty");
    }
    return List.copyOf(list);
  }
}
