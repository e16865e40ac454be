package dev.greenroom.backend.api.services;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** The {@link PermissionRule} of {@link PermissionRule#create}. */
record FunctionPermissionRule<R, Q>(
    String name,
    String description,
    String resourceType,
    Map<String, Object> paramsSchema,
    BiPredicate<R, Map<String, Object>> applyFunction,
    Function<Map<String, Object>, PermissionCriteria<Q>> toQueryFunction)
    implements PermissionRule<R, Q> {
  FunctionPermissionRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(applyFunction, "apply");
    Objects.requireNonNull(toQueryFunction, "toQuery");
    paramsSchema = Map.copyOf(paramsSchema);
  }

  @Override
  public boolean apply(R resource, Map<String, Object> params) {
    return applyFunction.test(resource, params);
  }

  @Override
  public PermissionCriteria<Q> toQuery(Map<String, Object> params) {
    return toQueryFunction.apply(params);
  }

  @Override
  public String toString() {
    return "PermissionRule[" + resourceType + "/" + name + "]";
  }
}
