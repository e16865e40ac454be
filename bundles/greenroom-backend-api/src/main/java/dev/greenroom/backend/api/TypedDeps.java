package dev.greenroom.backend.api;

/** Declares and reads the dependencies of the typed {@code registerInit} forms. */
final class TypedDeps {
  private TypedDeps() {}

  /** The {@link Deps} of a typed init; a multiton service is refused (it resolves to a list). */
  static Deps of(Dependency<?>... deps) {
    for (Dependency<?> d : deps) {
      if (d == null) {
        throw new IllegalArgumentException("registerInit: a dependency is null");
      }
      if (d instanceof ServiceRef<?> ref && ref.multiton()) {
        throw new IllegalArgumentException(
            "registerInit: multiton service '" + ref.id() + "' resolves to a list; declare it with "
                + "Deps.of(...) and read it with deps.getAll(...)");
      }
    }
    return Deps.of(deps);
  }

  static <T> T get(ResolvedDeps deps, Dependency<T> dependency) {
    if (dependency instanceof ServiceRef<T> ref) {
      return deps.get(ref);
    }
    return deps.get((ExtensionPoint<T>) dependency);
  }
}
