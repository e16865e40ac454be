package dev.greenroom.backend.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * A reference to a service: its id, its scope and whether it is a multiton. Mirrors Backstage's
 * {@code createServiceRef}. Ids are conventionally {@code <pluginId>.<name>}; core services use
 * {@code core.<name>}.
 */
public final class ServiceRef<T> implements Dependency<T> {
  private final String id;
  private final Class<T> type;
  private final ServiceScope scope;
  private final boolean multiton;
  private final Function<ServiceRef<T>, ServiceFactory<T>> defaultFactory;

  private ServiceRef(Builder<T> b) {
    this.id = b.id;
    this.type = b.type;
    this.scope = b.scope;
    this.multiton = b.multiton;
    this.defaultFactory = b.defaultFactory;
  }

  /** A plugin-scoped singleton ref. */
  public static <T> ServiceRef<T> create(String id, Class<T> type) {
    return builder(id, type).build();
  }

  /** A root-scoped singleton ref. */
  public static <T> ServiceRef<T> root(String id, Class<T> type) {
    return builder(id, type).scope(ServiceScope.ROOT).build();
  }

  public static <T> Builder<T> builder(String id, Class<T> type) {
    return new Builder<>(id, type);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  public ServiceScope scope() {
    return scope;
  }

  public boolean multiton() {
    return multiton;
  }

  /** The loader of the fallback factory used when no factory is registered for this id; may be null. */
  public Function<ServiceRef<T>, ServiceFactory<T>> defaultFactory() {
    return defaultFactory;
  }

  @Override
  public String toString() {
    return "serviceRef{" + id + "}";
  }

  /** Builder for {@link ServiceRef}; scope defaults to plugin, multiton to false. */
  public static final class Builder<T> {
    private final String id;
    private final Class<T> type;
    private ServiceScope scope = ServiceScope.PLUGIN;
    private boolean multiton;
    private Function<ServiceRef<T>, ServiceFactory<T>> defaultFactory;

    private Builder(String id, Class<T> type) {
      this.id = Objects.requireNonNull(id, "id");
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder<T> scope(ServiceScope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    public Builder<T> multiton(boolean multiton) {
      this.multiton = multiton;
      return this;
    }

    public Builder<T> defaultFactory(Function<ServiceRef<T>, ServiceFactory<T>> defaultFactory) {
      this.defaultFactory = defaultFactory;
      return this;
    }

    public ServiceRef<T> build() {
      return new ServiceRef<>(this);
    }
  }
}
