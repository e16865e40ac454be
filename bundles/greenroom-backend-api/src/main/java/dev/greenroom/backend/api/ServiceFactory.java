package dev.greenroom.backend.api;

import dev.greenroom.backend.api.spi.FeatureType;
import dev.greenroom.backend.api.spi.InternalBackendFeature;
import java.util.Objects;

/**
 * How a service is made. Mirrors Backstage's {@code createServiceFactory}: for a root-scoped ref the
 * factory runs once per backend with root deps only; for a plugin-scoped ref {@code
 * createRootContext} runs once per factory and the factory once per plugin that needs the service.
 */
public final class ServiceFactory<T> implements InternalBackendFeature {
  /** Creates the root context shared across plugins (plugin-scoped factories only). */
  @FunctionalInterface
  public interface RootContextFactory {
    Object create(ResolvedDeps rootDeps) throws Exception;
  }

  /** Creates one instance; {@code rootContext} is null when no root context factory was given. */
  @FunctionalInterface
  public interface InstanceFactory<T> {
    T create(ResolvedDeps deps, Object rootContext) throws Exception;
  }

  /** Creates one instance from its deps. */
  @FunctionalInterface
  public interface SimpleFactory<T> {
    T create(ResolvedDeps deps) throws Exception;
  }

  private final ServiceRef<T> service;
  private final Deps deps;
  private final RootContextFactory createRootContext;
  private final InstanceFactory<T> factory;
  private final Initialization initialization;

  private ServiceFactory(Builder<T> b) {
    this.service = b.service;
    this.deps = b.deps;
    this.createRootContext = b.createRootContext;
    this.factory = Objects.requireNonNull(b.factory, "factory");
    this.initialization = b.initialization;
  }

  public static <T> Builder<T> of(ServiceRef<T> service) {
    return new Builder<>(service);
  }

  /** A factory with no deps that returns {@code instance} (handy for tests and overrides). */
  public static <T> ServiceFactory<T> ofInstance(ServiceRef<T> service, T instance) {
    return of(service).factory(deps -> instance);
  }

  public ServiceRef<T> service() {
    return service;
  }

  public Deps deps() {
    return deps;
  }

  /** May be null. */
  public RootContextFactory createRootContext() {
    return createRootContext;
  }

  public InstanceFactory<T> factory() {
    return factory;
  }

  /** The declared initialization, or null to use the scope's default. */
  public Initialization initialization() {
    return initialization;
  }

  /** The effective initialization: the declared one, else ALWAYS for root and LAZY for plugin. */
  public Initialization effectiveInitialization() {
    if (initialization != null) {
      return initialization;
    }
    return service.scope() == ServiceScope.ROOT ? Initialization.ALWAYS : Initialization.LAZY;
  }

  @Override
  public FeatureType featureType() {
    return FeatureType.SERVICE;
  }

  @Override
  public String toString() {
    return "serviceFactory{" + service.id() + "}";
  }

  /** Builder; finish with {@link #factory(SimpleFactory)} or {@link #factoryWithContext}. */
  public static final class Builder<T> {
    private final ServiceRef<T> service;
    private Deps deps = Deps.none();
    private RootContextFactory createRootContext;
    private InstanceFactory<T> factory;
    private Initialization initialization;

    private Builder(ServiceRef<T> service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    public Builder<T> deps(Dependency<?>... deps) {
      this.deps = Deps.of(deps);
      return this;
    }

    public Builder<T> deps(Deps deps) {
      this.deps = Objects.requireNonNull(deps, "deps");
      return this;
    }

    public Builder<T> createRootContext(RootContextFactory createRootContext) {
      this.createRootContext = createRootContext;
      return this;
    }

    public Builder<T> initialization(Initialization initialization) {
      this.initialization = initialization;
      return this;
    }

    public ServiceFactory<T> factory(SimpleFactory<T> factory) {
      Objects.requireNonNull(factory, "factory");
      this.factory = (d, ctx) -> factory.create(d);
      return new ServiceFactory<>(this);
    }

    public ServiceFactory<T> factoryWithContext(InstanceFactory<T> factory) {
      this.factory = Objects.requireNonNull(factory, "factory");
      return new ServiceFactory<>(this);
    }
  }
}
