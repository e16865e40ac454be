package dev.greenroom.backend.api.services;

import java.util.List;
import java.util.Objects;

/**
 * A boolean tree over leaves of type {@code T}: Backstage's {@code PermissionCriteria<T>} ({@code
 * {allOf: [...]}}, {@code {anyOf: [...]}}, {@code {not: ...}} or a leaf). Conditional decisions
 * carry {@code PermissionCriteria<PermissionCondition>}; {@link PermissionRule#toQuery} builds
 * {@code PermissionCriteria<Q>} of a plugin's own query type.
 *
 * @param <T> the leaf type
 */
public sealed interface PermissionCriteria<T>
    permits PermissionCriteria.AllOf, PermissionCriteria.AnyOf, PermissionCriteria.Not, PermissionCriteria.Leaf {

  /** {@code {allOf: [...]}}: every child holds. */
  static <T> PermissionCriteria<T> allOf(List<PermissionCriteria<T>> children) {
    return new AllOf<>(children);
  }

  /** {@code {anyOf: [...]}}: at least one child holds. */
  static <T> PermissionCriteria<T> anyOf(List<PermissionCriteria<T>> children) {
    return new AnyOf<>(children);
  }

  /** {@code {not: ...}}: the child does not hold. */
  static <T> PermissionCriteria<T> not(PermissionCriteria<T> child) {
    return new Not<>(child);
  }

  /** A leaf. */
  static <T> PermissionCriteria<T> of(T value) {
    return new Leaf<>(value);
  }

  /**
   * Every child holds. Backstage's {@code AllOfCriteria}.
   *
   * @param allOf the children, at least one
   * @param <T> the leaf type
   */
  record AllOf<T>(List<PermissionCriteria<T>> allOf) implements PermissionCriteria<T> {
    public AllOf {
      allOf = nonEmpty(allOf, "allOf");
    }
  }

  /**
   * At least one child holds. Backstage's {@code AnyOfCriteria}.
   *
   * @param anyOf the children, at least one
   * @param <T> the leaf type
   */
  record AnyOf<T>(List<PermissionCriteria<T>> anyOf) implements PermissionCriteria<T> {
    public AnyOf {
      anyOf = nonEmpty(anyOf, "anyOf");
    }
  }

  /**
   * The child does not hold. Backstage's {@code NotCriteria}.
   *
   * @param not the child
   * @param <T> the leaf type
   */
  record Not<T>(PermissionCriteria<T> not) implements PermissionCriteria<T> {
    public Not {
      Objects.requireNonNull(not, "not");
    }
  }

  /**
   * A leaf (in Backstage, the leaf object itself).
   *
   * @param value the leaf
   * @param <T> the leaf type
   */
  record Leaf<T>(T value) implements PermissionCriteria<T> {
    public Leaf {
      Objects.requireNonNull(value, "value");
    }
  }

  private static <T> List<PermissionCriteria<T>> nonEmpty(List<PermissionCriteria<T>> children, String key) {
    if (children == null || children.isEmpty()) {
      throw new IllegalArgumentException("'" + key + "' criteria need at least one child");
    }
    return List.copyOf(children);
  }
}
