package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.runtime.internal.ConflictError;
import dev.greenroom.backend.runtime.internal.ErrorText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cycles among registered factories, reported as Backstage's ConflictError. */
class ServiceRegistryCyclesTest {
  private static ServiceRef<String> ref(String id) {
    return ServiceRef.root(id, String.class);
  }

  /** A factory for {@code id} depending on the services named in {@code deps}. */
  private static ServiceFactory<?> factory(String id, String... deps) {
    List<ServiceRef<String>> refs = new ArrayList<>();
    for (String dep : deps) {
      refs.add(ref(dep));
    }
    return ServiceFactory.of(ref(id)).deps(refs.toArray(ServiceRef<?>[]::new)).factory(d -> id);
  }

  @Test
  void createRejectsATwoServiceCycle() {
    ConflictError error =
        assertThrows(
            ConflictError.class,
            () -> ServiceRegistry.create(List.of(factory("a", "b"), factory("b", "a"))));
    assertEquals("Circular dependencies detected:\n  'a' -> 'b' -> 'a'", error.getMessage());
    assertEquals(
        "ConflictError: Circular dependencies detected:\n  'a' -> 'b' -> 'a'",
        ErrorText.of(error));
  }

  @Test
  void everyUniqueCycleIsListedOnItsOwnLine() {
    ConflictError error =
        assertThrows(
            ConflictError.class,
            () ->
                ServiceRegistry.create(
                    List.of(
                        factory("a", "b"),
                        factory("b", "a"),
                        factory("c", "d"),
                        factory("d", "c"),
                        factory("e", "a"))));
    assertEquals(
        "Circular dependencies detected:\n  'a' -> 'b' -> 'a'\n  'c' -> 'd' -> 'c'",
        error.getMessage());
  }

  @Test
  void aServiceDependingOnItselfIsACycle() {
    ConflictError error =
        assertThrows(ConflictError.class, () -> ServiceRegistry.create(List.of(factory("a", "a"))));
    assertEquals("Circular dependencies detected:\n  'a' -> 'a'", error.getMessage());
  }

  @Test
  void aThreeServiceCycleIsReportedOnceFromItsFirstService() {
    ConflictError error =
        assertThrows(
            ConflictError.class,
            () ->
                ServiceRegistry.create(
                    List.of(factory("x", "y"), factory("y", "z"), factory("z", "x"))));
    assertEquals("Circular dependencies detected:\n  'x' -> 'y' -> 'z' -> 'x'", error.getMessage());
  }

  @Test
  void checkForCircularDepsSeesFactoriesAddedLater() {
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory("a", "b")));
    assertDoesNotThrow(registry::checkForCircularDeps);
    registry.add(factory("b", "a"));
    ConflictError error = assertThrows(ConflictError.class, registry::checkForCircularDeps);
    assertEquals("Circular dependencies detected:\n  'a' -> 'b' -> 'a'", error.getMessage());
  }

  @Test
  void refDefaultFactoriesAreNotPartOfTheCheck() {
    ServiceRef<String> b =
        ServiceRef.builder("b", String.class)
            .scope(ServiceScope.ROOT)
            .defaultFactory(service -> ServiceFactory.of(service).deps(ref("a")).factory(d -> "b"))
            .build();
    ServiceFactory<String> a = ServiceFactory.of(ref("a")).deps(b).factory(d -> "a");
    ServiceRegistry registry = assertDoesNotThrow(() -> ServiceRegistry.create(List.of(a)));
    assertDoesNotThrow(registry::checkForCircularDeps);
  }

  @Test
  void multitonFactoriesContributeTheirDepsToTheirSharedId() {
    ServiceRef<String> multi = ServiceRef.builder("m", String.class).multiton(true).build();
    ServiceFactory<String> quiet = ServiceFactory.of(multi).factory(d -> "quiet");
    ServiceFactory<String> loud = ServiceFactory.of(multi).deps(ref("x")).factory(d -> "loud");
    ServiceFactory<String> x = ServiceFactory.of(ref("x")).deps(multi).factory(d -> "x");
    ConflictError error =
        assertThrows(
            ConflictError.class, () -> ServiceRegistry.create(List.of(quiet, loud, x)));
    assertEquals("Circular dependencies detected:\n  'm' -> 'x' -> 'm'", error.getMessage());
  }

  @Test
  void dependencyCyclesFollowBackstagesWalkOrder() {
    Map<String, List<String>> graph = new LinkedHashMap<>();
    graph.put("a", List.of("b", "c"));
    graph.put("b", List.of("a"));
    graph.put("c", List.of("a", "missing"));
    assertEquals(
        List.of(List.of("a", "c", "a"), List.of("a", "b", "a")), DependencyCycles.find(graph));
  }
}
