package dev.greenroom.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.spi.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed registerInit forms declare each dependency once and hand it over with its type. */
class TypedRegisterInitTest {
  static final ServiceRef<String> NAME = ServiceRef.create("test.name", String.class);
  static final ServiceRef<Integer> COUNT = ServiceRef.root("test.count", Integer.class);
  static final ExtensionPoint<StringBuilder> SINK = ExtensionPoint.create("test.sink", StringBuilder.class);
  static final ServiceRef<String> MANY =
      ServiceRef.builder("test.many", String.class).multiton(true).build();

  /** Resolves from a map, as the runtime's resolver does; fails on an undeclared dependency. */
  static ResolvedDeps resolved(Registration r, Map<String, Object> values) {
    List<String> declared = new ArrayList<>();
    r.init().deps().forEach(d -> declared.add(d.id()));
    return new ResolvedDeps() {
      @Override
      public <T> T get(ServiceRef<T> ref) {
        return ref.type().cast(value(ref.id()));
      }

      @Override
      public <T> List<T> getAll(ServiceRef<T> ref) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> T get(ExtensionPoint<T> ref) {
        return ref.type().cast(value(ref.id()));
      }

      private Object value(String id) {
        if (!declared.contains(id)) {
          throw new IllegalStateException("not declared: " + id);
        }
        return values.get(id);
      }
    };
  }

  static Registration moduleRegistration(java.util.function.Consumer<RegistrationPoints> register) {
    return BackendModule.create("p", "m", register::accept).getRegistrations().get(0);
  }

  @Test
  void threeDependenciesAreDeclaredInOrderAndPassedTyped() throws Exception {
    List<Object> seen = new ArrayList<>();
    Registration r = moduleRegistration(env -> env.registerInit(NAME, COUNT, SINK, (name, count, sink) -> {
      sink.append(name.toUpperCase()).append(count + 1); // compiles only with the static types
      seen.add(sink.toString());
    }));
    assertEquals(List.of("test.name", "test.count", "test.sink"), r.init().deps().asList().stream().map(Dependency::id).toList());
    r.init().init().init(resolved(r, Map.of("test.name", "ab", "test.count", 41, "test.sink", new StringBuilder())));
    assertEquals(List.of("AB42"), seen);
  }

  @Test
  void everyArityFromNoneToSixIsDeclaredAndCalled() throws Exception {
    ServiceRef<String> d = ServiceRef.create("d", String.class);
    ServiceRef<String> e = ServiceRef.create("e", String.class);
    ServiceRef<String> f = ServiceRef.create("f", String.class);
    Map<String, Object> values =
        Map.of("test.name", "a", "test.count", 2, "test.sink", new StringBuilder("c"), "d", "d", "e", "e", "f", "f");
    List<String> calls = new ArrayList<>();
    List<Registration> regs = List.of(
        moduleRegistration(env -> env.registerInit(() -> calls.add("0"))),
        moduleRegistration(env -> env.registerInit(NAME, a -> calls.add(a))),
        moduleRegistration(env -> env.registerInit(NAME, COUNT, (a, b) -> calls.add(a + b))),
        moduleRegistration(env -> env.registerInit(NAME, COUNT, SINK, (a, b, c) -> calls.add(a + b + c))),
        moduleRegistration(env -> env.registerInit(NAME, COUNT, SINK, d, (a, b, c, x) -> calls.add(a + b + c + x))),
        moduleRegistration(env -> env.registerInit(NAME, COUNT, SINK, d, e, (a, b, c, x, y) -> calls.add(a + b + c + x + y))),
        moduleRegistration(env -> env.registerInit(NAME, COUNT, SINK, d, e, f, (a, b, c, x, y, z) -> calls.add(a + b + c + x + y + z))));
    for (int i = 0; i < regs.size(); i++) {
      Registration r = regs.get(i);
      assertEquals(i, r.init().deps().asList().size(), "declared deps of arity " + i);
      r.init().init().init(resolved(r, values));
    }
    assertEquals(List.of("0", "a", "a2", "a2c", "a2cd", "a2cde", "a2cdef"), calls);
  }

  @Test
  void aMultitonIsRefusedByTheTypedFormsWithWhatToDoInstead() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> moduleRegistration(env -> env.registerInit(MANY, all -> {})));
    assertEquals(
        "registerInit: multiton service 'test.many' resolves to a list; declare it with Deps.of(...) "
            + "and read it with deps.getAll(...)",
        e.getMessage());
  }

  @Test
  void aNullDependencyIsRefused() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> moduleRegistration(env -> env.registerInit(NAME, null, (a, b) -> {})));
    assertEquals("registerInit: a dependency is null", e.getMessage());
  }

  @Test
  void theTypedFormsCountAsTheOneRegisterInit() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> moduleRegistration(env -> {
      env.registerInit(NAME, a -> {});
      env.registerInit(() -> {});
    }));
    assertEquals("registerInit must only be called once", e.getMessage());
  }
}
