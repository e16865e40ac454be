package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A policy decision: allow, deny, or allow where conditions hold. Backstage's {@code
 * PolicyDecision} (= {@code QueryPermissionResponse}), returned by {@link PermissionPolicy#handle}
 * and {@link PermissionsService#authorizeConditional}.
 *
 * @param result the decision
 * @param pluginId for {@link AuthorizeResult#CONDITIONAL}: the plugin that owns the resource type;
 *     else null
 * @param resourceType for {@link AuthorizeResult#CONDITIONAL}: the resource type; else null
 * @param conditions for {@link AuthorizeResult#CONDITIONAL}: the criteria over the type's rules;
 *     else null
 */
public record QueryPermissionResponse(
    AuthorizeResult result,
    String pluginId,
    String resourceType,
    PermissionCriteria<PermissionCondition> conditions) {
  public QueryPermissionResponse {
    Objects.requireNonNull(result, "result");
    if (result == AuthorizeResult.CONDITIONAL) {
      Objects.requireNonNull(pluginId, "pluginId");
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(conditions, "conditions");
    } else if (pluginId != null || resourceType != null || conditions != null) {
      throw new IllegalArgumentException("Only a CONDITIONAL decision carries pluginId, resourceType and conditions");
    }
  }

  /** {@code {result: ALLOW}} or {@code {result: DENY}}. */
  public static QueryPermissionResponse definitive(AuthorizeResult result) {
    if (result == AuthorizeResult.CONDITIONAL) {
      throw new IllegalArgumentException("A definitive decision cannot be CONDITIONAL");
    }
    return new QueryPermissionResponse(result, null, null, null);
  }

  /** {@code {result: ALLOW}}. */
  public static QueryPermissionResponse allow() {
    return definitive(AuthorizeResult.ALLOW);
  }

  /** {@code {result: DENY}}. */
  public static QueryPermissionResponse deny() {
    return definitive(AuthorizeResult.DENY);
  }

  /** {@code {result: CONDITIONAL, pluginId, resourceType, conditions}}. */
  public static QueryPermissionResponse conditional(
      String pluginId, String resourceType, PermissionCriteria<PermissionCondition> conditions) {
    return new QueryPermissionResponse(AuthorizeResult.CONDITIONAL, pluginId, resourceType, conditions);
  }
}
