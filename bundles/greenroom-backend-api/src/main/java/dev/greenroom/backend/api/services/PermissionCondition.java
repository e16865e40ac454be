package dev.greenroom.backend.api.services;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One leaf of a conditional decision: a rule of a resource type with its parameters. Backstage's
 * {@code PermissionCondition}, on the wire {@code {"rule","resourceType","params"}}.
 *
 * @param rule the rule's name, as registered with {@link PermissionsRegistryService}
 * @param resourceType the resource type the rule belongs to
 * @param params the rule's parameters (JSON values), checked against the rule's {@link
 *     PermissionRule#paramsSchema()} before it is applied; empty if none
 */
public record PermissionCondition(String rule, String resourceType, Map<String, Object> params) {
  public PermissionCondition {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(resourceType, "resourceType");
    // JSON params may hold null values, which Map.copyOf refuses
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
