package dev.greenroom.backend.api.services;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A resource type owned by a plugin, with its permissions and rules, for {@link
 * PermissionsRegistryService#addResourceType}. Backstage's {@code
 * PermissionsRegistryServiceAddResourceTypeOptions}.
 *
 * @param resourceType the type's id, such as {@code catalog-entity}
 * @param permissions the permissions on this type
 * @param rules the rules conditional decisions may use for this type; each rule's {@code
 *     resourceType} must be this type
 * @param getResources loads resources by ref: same size and order as the refs, null where a ref is
 *     unknown; may be null, and then conditions can only be applied by the plugin itself ({@link
 *     PermissionRuleset#isAllowed}), the apply-conditions route answers 501
 * @param <R> the resource class
 */
public record PermissionResourceType<R>(
    String resourceType,
    List<Permission> permissions,
    List<? extends PermissionRule<R, ?>> rules,
    Function<List<String>, List<R>> getResources) {
  public PermissionResourceType {
    Objects.requireNonNull(resourceType, "resourceType");
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
    rules = rules == null ? List.of() : List.copyOf(rules);
    for (PermissionRule<R, ?> rule : rules) {
      if (!resourceType.equals(rule.resourceType())) {
        throw new IllegalArgumentException("Permission rule '" + rule.name() + "' is for resource type '"
            + rule.resourceType() + "', not '" + resourceType + "'");
      }
    }
  }

  /** The type {@code ref} names, owned by the registering plugin (checked on registration). */
  public static <R> PermissionResourceType<R> of(
      PermissionResourceRef<R, ?> ref,
      List<Permission> permissions,
      List<? extends PermissionRule<R, ?>> rules,
      Function<List<String>, List<R>> getResources) {
    return new PermissionResourceType<>(ref.resourceType(), permissions, rules, getResources);
  }
}
