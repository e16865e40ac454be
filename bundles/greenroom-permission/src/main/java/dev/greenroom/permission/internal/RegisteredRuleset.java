package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.PermissionRule;
import dev.greenroom.backend.api.services.PermissionRuleset;
import dev.greenroom.backend.api.services.QueryPermissionResponse;

/** The rules of one resource type of one plugin, looked up on use. */
final class RegisteredRuleset<R, Q> implements PermissionRuleset<R, Q> {
  private final PluginPermissions store;
  private final String resourceType;
  private final ParamsValidator validator;

  RegisteredRuleset(PluginPermissions store, String resourceType, ParamsValidator validator) {
    this.store = store;
    this.resourceType = resourceType;
    this.validator = validator;
  }

  @Override
  @SuppressWarnings("unchecked")
  public PermissionRule<R, Q> getRuleByName(String name) {
    return (PermissionRule<R, Q>) store.rule(resourceType, name);
  }

  @Override
  public boolean isAllowed(QueryPermissionResponse decision, R resource) {
    if (decision.result() == AuthorizeResult.CONDITIONAL) {
      if (!resourceType.equals(decision.resourceType())) {
        throw new IllegalArgumentException("The decision's conditions are for resource type '"
            + decision.resourceType() + "', this ruleset is for '" + resourceType + "'");
      }
      return Conditions.apply(decision.conditions(), resource, this::getRuleByName, validator);
    }
    return decision.result() == AuthorizeResult.ALLOW;
  }
}
