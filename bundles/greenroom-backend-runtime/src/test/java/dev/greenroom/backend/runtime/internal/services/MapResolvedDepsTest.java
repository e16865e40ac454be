package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ServiceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapResolvedDepsTest {
  static final ServiceRef<String> SINGLE = ServiceRef.create("single", String.class);
  static final ServiceRef<String> MULTI =
      ServiceRef.builder("multi", String.class).multiton(true).build();
  static final ExtensionPoint<String> POINT = ExtensionPoint.create("point", String.class);

  private final MapResolvedDeps deps =
      new MapResolvedDeps(Map.of("single", "s", "multi", List.of("m1", "m2"), "point", "p"));

  @Test
  void returnsEachKindOfDependencyByItsId() {
    assertEquals("s", deps.get(SINGLE));
    assertEquals(List.of("m1", "m2"), deps.getAll(MULTI));
    assertEquals("p", deps.get(POINT));
  }

  @Test
  void aDependencyMayResolveToNull() {
    Map<String, Object> values = new HashMap<>();
    values.put("single", null);
    assertNull(new MapResolvedDeps(values).get(SINGLE));
  }

  @Test
  void undeclaredDependenciesAreNamed() {
    MapResolvedDeps empty = new MapResolvedDeps(Map.of());
    assertEquals(
        "Undeclared dependency serviceRef{single}, declare it in the deps to read it",
        assertThrows(IllegalArgumentException.class, () -> empty.get(SINGLE)).getMessage());
    assertEquals(
        "Undeclared dependency serviceRef{multi}, declare it in the deps to read it",
        assertThrows(IllegalArgumentException.class, () -> empty.getAll(MULTI)).getMessage());
    assertEquals(
        "Undeclared dependency extensionPoint{point}, declare it in the deps to read it",
        assertThrows(IllegalArgumentException.class, () -> empty.get(POINT)).getMessage());
  }

  @Test
  void singletonAndMultitonAccessorsAreNotInterchangeable() {
    assertEquals(
        "serviceRef{multi} is a multiton service, use getAll() to read it",
        assertThrows(IllegalArgumentException.class, () -> deps.get(MULTI)).getMessage());
    assertEquals(
        "serviceRef{single} is not a multiton service, use get() to read it",
        assertThrows(IllegalArgumentException.class, () -> deps.getAll(SINGLE)).getMessage());
  }

  @Test
  void laterChangesToTheSourceMapAreNotSeen() {
    Map<String, Object> values = new HashMap<>(Map.of("single", "before"));
    MapResolvedDeps snapshot = new MapResolvedDeps(values);
    values.put("single", "after");
    assertEquals("before", snapshot.get(SINGLE));
  }
}
