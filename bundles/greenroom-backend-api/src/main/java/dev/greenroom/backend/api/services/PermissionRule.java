package dev.greenroom.backend.api.services;

import java.util.Map;

/**
 * A named condition on resources of one type, referenced by conditional permission decisions.
 * Backstage's {@code PermissionRule}, reduced to in-memory evaluation: its params schema and its
 * {@code toQuery} (translation into a database filter) are not modelled yet.
 *
 * @param <R> the resource class
 */
public interface PermissionRule<R> {
  /** The rule's name, such as {@code IS_ENTITY_OWNER}; unique within its resource type. */
  String name();

  String description();

  /** The resource type the rule applies to. */
  String resourceType();

  /** Whether {@code resource} satisfies the rule with {@code params} (JSON-like values). */
  boolean apply(R resource, Map<String, Object> params);
}
