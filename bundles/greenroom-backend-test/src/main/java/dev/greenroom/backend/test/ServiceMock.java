package dev.greenroom.backend.test;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stub of a service interface whose calls the test inspects, without a mocking library:
 * Backstage's {@code mockServices.<service>.mock()} (a jest mock per method) in plain Java. Every
 * method returns an empty answer (null, false, 0, an empty {@code Optional} or collection; the stub
 * itself where a method returns the service's own type, such as {@code child} or {@code
 * withOptions}; a nested stub for another interface) unless given an answer with {@link #on}.
 *
 * <pre>{@code
 * ServiceMock<PermissionsService> permissions = MockServices.Permissions.mock()
 *     .on("authorize", args -> List.of(new AuthorizePermissionResponse(AuthorizeResult.DENY)));
 * TestBackend.builder().add(myPlugin).add(permissions.factory()).start();
 * assertEquals(1, permissions.calls("authorize").size());
 * }</pre>
 *
 * Only the calls the code under test makes are recorded: a default method's delegation to another
 * method of the interface is not recorded a second time.
 *
 * @param <T> the service interface
 */
public final class ServiceMock<T> {
  /** One recorded call: the method's name and its arguments. */
  public record Call(String method, List<Object> args) {}

  private final ServiceRef<T> ref;
  private final Class<T> type;
  private final List<Call> calls;
  private final String prefix;
  private final Map<String, Function<Object[], Object>> answers = new ConcurrentHashMap<>();
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final T proxy;

  private ServiceMock(ServiceRef<T> ref, Class<T> type, List<Call> calls, String prefix) {
    this.ref = ref;
    this.type = type;
    this.calls = calls;
    this.prefix = prefix;
    this.proxy = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler()));
  }

  /** A stub of {@code ref}'s interface. */
  public static <T> ServiceMock<T> of(ServiceRef<T> ref) {
    return new ServiceMock<>(ref, ref.type(), new CopyOnWriteArrayList<>(), "");
  }

  /** The stub itself, to pass where a {@code T} is expected. */
  public T get() {
    return proxy;
  }

  /** A factory that gives every plugin (or the root) this stub: add it to a {@code TestBackend}. */
  public ServiceFactory<T> factory() {
    if (ref == null) {
      throw new IllegalStateException("A nested stub of " + type.getName() + " has no service ref");
    }
    return ServiceFactory.ofInstance(ref, proxy);
  }

  /**
   * Answers calls to every method named {@code method} (any overload) with {@code answer}, which
   * receives the arguments; it may throw to make the call fail.
   *
   * @throws IllegalArgumentException if the interface has no such method
   */
  public ServiceMock<T> on(String method, Function<Object[], Object> answer) {
    if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method))) {
      throw new IllegalArgumentException(type.getName() + " has no method " + method);
    }
    answers.put(method, answer);
    return this;
  }

  /** Every recorded call, in order. Calls on nested stubs are named {@code Type.method}. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The arguments of each call of {@code method}, in order. */
  public List<List<Object>> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).map(Call::args).toList();
  }

  private InvocationHandler handler() {
    return (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(self, method, args);
      }
      Object[] a = args == null ? new Object[0] : args;
      boolean outermost = depth.get() == 0;
      if (outermost) {
        calls.add(new Call(prefix + method.getName(), Collections.unmodifiableList(Arrays.asList(a.clone()))));
      }
      Function<Object[], Object> answer = answers.get(method.getName());
      if (answer != null) {
        return answer.apply(a);
      }
      if (method.isDefault()) {
        depth.set(depth.get() + 1);
        try {
          return InvocationHandler.invokeDefault(self, method, a);
        } finally {
          depth.set(depth.get() - 1);
        }
      }
      return empty(method.getReturnType());
    };
  }

  private Object objectMethod(Object self, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      default -> "ServiceMock{" + type.getName() + "}";
    };
  }

  private Object empty(Class<?> r) {
    if (r == void.class) {
      return null;
    }
    if (r == boolean.class) {
      return false;
    }
    if (r == int.class || r == long.class || r == short.class || r == byte.class) {
      return r == long.class ? 0L : r == short.class ? (short) 0 : r == byte.class ? (byte) 0 : 0;
    }
    if (r == double.class || r == float.class) {
      return r == float.class ? 0f : 0d;
    }
    if (r == char.class) {
      return '\0';
    }
    if (r == Optional.class) {
      return Optional.empty();
    }
    if (r == List.class || r == java.util.Collection.class) {
      return List.of();
    }
    if (r == Set.class) {
      return Set.of();
    }
    if (r == Map.class) {
      return Map.of();
    }
    if (r.isAssignableFrom(type)) {
      return proxy;
    }
    if (r.isInterface()) {
      return new ServiceMock<>(null, r, calls, r.getSimpleName() + ".").get();
    }
    return null;
  }
}
