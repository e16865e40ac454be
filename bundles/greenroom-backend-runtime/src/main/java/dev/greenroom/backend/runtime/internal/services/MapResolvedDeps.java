package dev.greenroom.backend.runtime.internal.services;

import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ResolvedDeps;
import dev.greenroom.backend.api.ServiceRef;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolved deps backed by a map keyed by dependency id: the instance of a singleton service, the
 * {@link List} of instances of a multiton service, or the implementation of an extension point.
 */
public final class MapResolvedDeps implements ResolvedDeps {
  private final Map<String, Object> values;

  public MapResolvedDeps(Map<String, ?> values) {
    // HashMap, not Map.copyOf: a dependency may legitimately resolve to null.
    this.values = Collections.unmodifiableMap(new HashMap<>(values));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(ServiceRef<T> ref) {
    if (ref.multiton()) {
      throw new IllegalArgumentException(ref + " is a multiton service, use getAll() to read it");
    }
    return (T) lookup(ref);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> List<T> getAll(ServiceRef<T> ref) {
    Object value = lookup(ref);
    if (!ref.multiton() || !(value instanceof List)) {
      throw new IllegalArgumentException(ref + " is not a multiton service, use get() to read it");
    }
    return (List<T>) value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(ExtensionPoint<T> ref) {
    return (T) lookup(ref);
  }

  private Object lookup(Dependency<?> dependency) {
    if (!values.containsKey(dependency.id())) {
      throw new IllegalArgumentException(
          "Undeclared dependency " + dependency + ", declare it in the deps to read it");
    }
    return values.get(dependency.id());
  }

  @Override
  public String toString() {
    return "ResolvedDeps" + values.keySet();
  }
}
