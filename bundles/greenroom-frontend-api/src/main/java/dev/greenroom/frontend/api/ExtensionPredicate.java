package dev.greenroom.frontend.api;

import java.util.Collection;
import java.util.Map;

/**
 * The {@code if} of an extension, plugin or module: evaluated at instantiation against the predicate
 * context (feature flags, permissions...). An extension whose predicate fails is inactive.
 */
@FunctionalInterface
public interface ExtensionPredicate {
  boolean test(Map<String, Object> context);

  /** {@code { $all: [left, right] }}; either side may be null. */
  static ExtensionPredicate all(ExtensionPredicate left, ExtensionPredicate right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    return ctx -> left.test(ctx) && right.test(ctx);
  }

  /** True when the context's {@code featureFlags} collection contains {@code flag}. */
  static ExtensionPredicate featureFlag(String flag) {
    return ctx -> ctx.get("featureFlags") instanceof Collection<?> flags && flags.contains(flag);
  }
}
