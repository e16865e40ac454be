package dev.greenroom.backend.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a plugin's or module's {@code register} callback may do (Backstage's {@code
 * BackendPluginRegistrationPoints} / {@code BackendModuleRegistrationPoints}): offer extension
 * points, then register the one init.
 *
 * <p>The short {@code registerInit} forms name each dependency once and hand it to the init with
 * its static type:
 *
 * <pre>{@code
 * env.registerInit(CoreServices.LOGGER, CoreServices.HTTP_ROUTER, (logger, router) -> {
 *   router.use(...);
 * });
 * }</pre>
 *
 * A dependency is a {@link ServiceRef} or an {@link ExtensionPoint} (modules only). A multiton
 * service, which resolves to a list, is declared with {@link #registerInit(Deps, Init)} and read
 * with {@link ResolvedDeps#getAll}.
 */
@ProviderType
public interface RegistrationPoints {
  /** Offers {@code impl} to the modules of the same plugin. Must come before registerInit. */
  <T> void registerExtensionPoint(ExtensionPoint<T> ref, T impl);

  /**
   * Offers an implementation made per consuming module (Backstage's {@code { extensionPoint,
   * factory }} form). Must come before registerInit.
   */
  <T> void registerExtensionPointFactory(ExtensionPoint<T> ref, ExtensionPointFactory<T> factory);

  /** Declares the init and its deps; must be called exactly once. */
  void registerInit(Deps deps, Init init);

  /** Registers an init without dependencies. */
  default void registerInit(TypedInit.None init) {
    registerInit(Deps.none(), deps -> init.init());
  }

  /** Registers an init with one dependency. */
  default <A> void registerInit(Dependency<A> a, TypedInit.Of1<A> init) {
    registerInit(TypedDeps.of(a), deps -> init.init(TypedDeps.get(deps, a)));
  }

  /** Registers an init with two dependencies. */
  default <A, B> void registerInit(Dependency<A> a, Dependency<B> b, TypedInit.Of2<A, B> init) {
    registerInit(TypedDeps.of(a, b), deps -> init.init(TypedDeps.get(deps, a), TypedDeps.get(deps, b)));
  }

  /** Registers an init with three dependencies. */
  default <A, B, C> void registerInit(
      Dependency<A> a, Dependency<B> b, Dependency<C> c, TypedInit.Of3<A, B, C> init) {
    registerInit(
        TypedDeps.of(a, b, c),
        deps -> init.init(TypedDeps.get(deps, a), TypedDeps.get(deps, b), TypedDeps.get(deps, c)));
  }

  /** Registers an init with four dependencies. */
  default <A, B, C, D> void registerInit(
      Dependency<A> a, Dependency<B> b, Dependency<C> c, Dependency<D> d, TypedInit.Of4<A, B, C, D> init) {
    registerInit(
        TypedDeps.of(a, b, c, d),
        deps -> init.init(
            TypedDeps.get(deps, a), TypedDeps.get(deps, b), TypedDeps.get(deps, c), TypedDeps.get(deps, d)));
  }

  /** Registers an init with five dependencies. */
  default <A, B, C, D, E> void registerInit(
      Dependency<A> a,
      Dependency<B> b,
      Dependency<C> c,
      Dependency<D> d,
      Dependency<E> e,
      TypedInit.Of5<A, B, C, D, E> init) {
    registerInit(
        TypedDeps.of(a, b, c, d, e),
        deps -> init.init(
            TypedDeps.get(deps, a),
            TypedDeps.get(deps, b),
            TypedDeps.get(deps, c),
            TypedDeps.get(deps, d),
            TypedDeps.get(deps, e)));
  }

  /** Registers an init with six dependencies. */
  default <A, B, C, D, E, F> void registerInit(
      Dependency<A> a,
      Dependency<B> b,
      Dependency<C> c,
      Dependency<D> d,
      Dependency<E> e,
      Dependency<F> f,
      TypedInit.Of6<A, B, C, D, E, F> init) {
    registerInit(
        TypedDeps.of(a, b, c, d, e, f),
        deps -> init.init(
            TypedDeps.get(deps, a),
            TypedDeps.get(deps, b),
            TypedDeps.get(deps, c),
            TypedDeps.get(deps, d),
            TypedDeps.get(deps, e),
            TypedDeps.get(deps, f)));
  }
}
