package dev.greenroom.backend.api.services;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named condition on resources of one type, referenced by conditional permission decisions.
 * Backstage's {@code PermissionRule} ({@code createPermissionRule} in
 * plugins/permission-node/src/integration/createPermissionRule.ts): {@link #apply} checks a loaded
 * resource, {@link #toQuery} turns the same condition into a filter of the plugin's data source;
 * both must agree. {@link #create} builds one from functions.
 *
 * @param <R> the resource class
 * @param <Q> the plugin's query (filter) type
 */
@ConsumerType
public interface PermissionRule<R, Q> {
  /** The schema of a rule without parameters (Backstage's {@code zodToJsonSchema(z.object({}))}). */
  Map<String, Object> NO_PARAMS = Map.of(
      "type", "object",
      "properties", Map.of(),
      "additionalProperties", false,
      "$schema", "http://json-schema.org/draft-07/schema#");

  /** The rule's name, such as {@code IS_ENTITY_OWNER}; unique within its resource type. */
  String name();

  /** What the rule checks, for policy authors (listed by the metadata route). */
  String description();

  /** The resource type the rule applies to. */
  String resourceType();

  /**
   * The JSON schema of the rule's parameters (Backstage's {@code paramsSchema}, served as JSON
   * schema by the metadata route). Parameters that do not match it are refused before {@link
   * #apply} runs. Default: {@link #NO_PARAMS}.
   */
  default Map<String, Object> paramsSchema() {
    return NO_PARAMS;
  }

  /** Whether {@code resource} satisfies the rule with {@code params} (JSON values). */
  boolean apply(R resource, Map<String, Object> params);

  /** The same condition as criteria for a query of the plugin's data source. */
  PermissionCriteria<Q> toQuery(Map<String, Object> params);

  /**
   * A rule from functions, as Backstage's {@code createPermissionRule({name, description,
   * resourceType, paramsSchema, apply, toQuery})}.
   *
   * @param paramsSchema a JSON schema (object) for the parameters; null for {@link #NO_PARAMS}
   */
  static <R, Q> PermissionRule<R, Q> create(
      String name,
      String description,
      String resourceType,
      Map<String, Object> paramsSchema,
      BiPredicate<R, Map<String, Object>> apply,
      Function<Map<String, Object>, PermissionCriteria<Q>> toQuery) {
    return new FunctionPermissionRule<>(
        name, description, resourceType, paramsSchema == null ? NO_PARAMS : paramsSchema, apply, toQuery);
  }
}
