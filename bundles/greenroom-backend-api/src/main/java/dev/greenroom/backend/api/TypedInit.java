package dev.greenroom.backend.api;

/**
 * Inits that receive each dependency with its static type, for the short forms of {@link
 * RegistrationPoints#registerInit}: {@code env.registerInit(CoreServices.LOGGER,
 * CoreServices.HTTP_ROUTER, (logger, router) -> ...)} names every dependency once, where Backstage
 * writes {@code registerInit({ deps: { logger, router }, async init({ logger, router }) {...} })}.
 * Up to six; {@link Init} with {@link Deps} takes any number.
 */
public final class TypedInit {
  private TypedInit() {}

  /** An init with no dependencies. */
  @FunctionalInterface
  public interface None {
    /** Runs the init. */
    void init() throws Exception;
  }

  /** An init with one dependency. */
  @FunctionalInterface
  public interface Of1<A> {
    /** Runs the init with the resolved dependencies, in declaration order. */
    void init(A a) throws Exception;
  }

  /** An init with 2 dependencies. */
  @FunctionalInterface
  public interface Of2<A, B> {
    /** Runs the init with the resolved dependencies, in declaration order. */
    void init(A a, B b) throws Exception;
  }

  /** An init with 3 dependencies. */
  @FunctionalInterface
  public interface Of3<A, B, C> {
    /** Runs the init with the resolved dependencies, in declaration order. */
    void init(A a, B b, C c) throws Exception;
  }

  /** An init with 4 dependencies. */
  @FunctionalInterface
  public interface Of4<A, B, C, D> {
    /** Runs the init with the resolved dependencies, in declaration order. */
    void init(A a, B b, C c, D d) throws Exception;
  }

  /** An init with 5 dependencies. */
  @FunctionalInterface
  public interface Of5<A, B, C, D, E> {
    /** Runs the init with the resolved dependencies, in declaration order. */
    void init(A a, B b, C c, D d, E e) throws Exception;
  }

  /** An init with 6 dependencies. */
  @FunctionalInterface
  public interface Of6<A, B, C, D, E, F> {
    /** Runs the init with the resolved dependencies, in declaration order. */
    void init(A a, B b, C c, D d, E e, F f) throws Exception;
  }
}
