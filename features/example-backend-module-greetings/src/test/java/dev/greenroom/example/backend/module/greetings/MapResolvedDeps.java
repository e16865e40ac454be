package dev.greenroom.example.backend.module.greetings;

import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ResolvedDeps;
import dev.greenroom.backend.api.ServiceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made {@link ResolvedDeps} backed by a map, for calling an init by hand. Like the runtime,
 * it only hands out what the init declared, so a missing declaration fails the test.
 */
final class MapResolvedDeps implements ResolvedDeps {
  private final Deps declared;
  private final Map<Dependency<?>, Object> values = new HashMap<>();

  MapResolvedDeps(Deps declared) {
    this.declared = declared;
  }

  <T> MapResolvedDeps with(Dependency<T> ref, T value) {
    values.put(ref, value);
    return this;
  }

  @Override
  public <T> T get(ServiceRef<T> ref) {
    return lookup(ref);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> List<T> getAll(ServiceRef<T> ref) {
    return (List<T>) List.of(lookup(ref));
  }

  @Override
  public <T> T get(ExtensionPoint<T> ref) {
    return lookup(ref);
  }

  private <T> T lookup(Dependency<T> ref) {
    if (!declared.asList().contains(ref)) {
      throw new IllegalArgumentException(ref + " was not declared in " + declared);
    }
    Object value = values.get(ref);
    if (value == null) {
      throw new IllegalStateException("the test provided no value for " + ref);
    }
    return ref.type().cast(value);
  }
}
