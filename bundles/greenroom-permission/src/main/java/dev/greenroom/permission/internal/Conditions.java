package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.PermissionCondition;
import dev.greenroom.backend.api.services.PermissionCriteria;
import dev.greenroom.backend.api.services.PermissionRule;
import java.util.function.Function;

/**
 * Applies conditions to one loaded resource, as Backstage's {@code applyConditions}
 * (plugins/permission-node/src/integration/createPermissionIntegrationRouter.ts).
 */
final class Conditions {
  private Conditions() {}

  /**
   * Whether {@code resource} meets {@code criteria}. A missing resource never does: the
   * apply-conditions route must not tell a missing resource from a forbidden one.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static boolean apply(
      PermissionCriteria<PermissionCondition> criteria,
      Object resource,
      Function<String, PermissionRule<?, ?>> getRule,
      ParamsValidator validator) {
    if (resource == null) {
      return false;
    }
    if (criteria instanceof PermissionCriteria.AllOf<PermissionCondition> all) {
      return all.allOf().stream().allMatch(c -> apply(c, resource, getRule, validator));
    }
    if (criteria instanceof PermissionCriteria.AnyOf<PermissionCondition> any) {
      return any.anyOf().stream().anyMatch(c -> apply(c, resource, getRule, validator));
    }
    if (criteria instanceof PermissionCriteria.Not<PermissionCondition> not) {
      return !apply(not.not(), resource, getRule, validator);
    }
    PermissionCondition condition = ((PermissionCriteria.Leaf<PermissionCondition>) criteria).value();
    PermissionRule rule = getRule.apply(condition.rule());
    validator.check(rule, condition.params());
    return rule.apply(resource, condition.params());
  }
}
