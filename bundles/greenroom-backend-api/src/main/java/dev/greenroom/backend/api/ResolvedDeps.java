package dev.greenroom.backend.api;

import java.util.List;

/** The resolved values of declared {@link Deps}, handed to an init, factory or loader. */
public interface ResolvedDeps {
  /** The instance of a singleton service; throws if {@code ref} was not declared. */
  <T> T get(ServiceRef<T> ref);

  /** All instances of a multiton service, in factory registration order (empty if none). */
  <T> List<T> getAll(ServiceRef<T> ref);

  /** The implementation of an extension point; modules only. */
  <T> T get(ExtensionPoint<T> ref);
}
