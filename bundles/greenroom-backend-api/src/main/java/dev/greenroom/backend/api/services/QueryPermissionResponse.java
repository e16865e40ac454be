package dev.greenroom.backend.api.services;

import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link QueryPermissionRequest}: allow, deny, or allow where conditions hold.
 * Backstage's {@code QueryPermissionResponse} ({@code PolicyDecision}).
 *
 * @param result the decision
 * @param pluginId for {@link AuthorizeResult#CONDITIONAL}: the plugin that owns the resource type;
 *     else null
 * @param resourceType for {@link AuthorizeResult#CONDITIONAL}: the resource type; else null
 * @param conditions for {@link AuthorizeResult#CONDITIONAL}: the criteria tree in Backstage's JSON
 *     shape ({@code allOf}, {@code anyOf}, {@code not}, or a leaf {@code {rule, resourceType,
 *     params}}); else null
 */
public record QueryPermissionResponse(
    AuthorizeResult result, String pluginId, String resourceType, Map<String, Object> conditions) {
  public QueryPermissionResponse {
    Objects.requireNonNull(result, "result");
    if (result == AuthorizeResult.CONDITIONAL) {
      Objects.requireNonNull(pluginId, "pluginId");
      Objects.requireNonNull(resourceType, "resourceType");
      conditions = Map.copyOf(Objects.requireNonNull(conditions, "conditions"));
    }
  }

  public static QueryPermissionResponse definitive(AuthorizeResult result) {
    return new QueryPermissionResponse(result, null, null, null);
  }

  public static QueryPermissionResponse conditional(
      String pluginId, String resourceType, Map<String, Object> conditions) {
    return new QueryPermissionResponse(
        AuthorizeResult.CONDITIONAL, pluginId, resourceType, conditions);
  }
}
