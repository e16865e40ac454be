package dev.greenroom.backend.runtime.internal.services;

import dev.greenroom.backend.api.ServiceFactory;
import java.lang.reflect.Field;

/** Names the code behind a service factory, for inspection. */
final class ImplementationNames {
  private static final String LAMBDA_MARKER = "$$Lambda";

  private ImplementationNames() {}

  static String of(ServiceFactory<?> factory) {
    Object function = unwrapSimpleFactory(factory.factory());
    return classNameWithoutLambdaSuffix(function.getClass());
  }

  /**
   * {@code ServiceFactory.Builder.factory(SimpleFactory)} wraps the author's function in a lambda
   * of its own, whose class would name the API instead of the plugin. The author's function is the
   * lambda's only captured value; reading it is best effort and falls back to the wrapper.
   */
  private static Object unwrapSimpleFactory(Object function) {
    Class<?> type = function.getClass();
    if (!type.getName().startsWith(ServiceFactory.class.getName())) {
      return function;
    }
    try {
      for (Field field : type.getDeclaredFields()) {
        if (ServiceFactory.SimpleFactory.class.isAssignableFrom(field.getType())) {
          field.setAccessible(true);
          Object captured = field.get(function);
          return captured == null ? function : captured;
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Inspection only: a less precise name is better than failing describe().
    }
    return function;
  }

  private static String classNameWithoutLambdaSuffix(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf(LAMBDA_MARKER);
    return lambda < 0 ? name : name.substring(0, lambda);
  }
}
