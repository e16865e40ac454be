package dev.greenroom.backend.test.base;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.runtime.internal.wiring.BackendInitializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The bare backend for plain JUnit that the core-service bundles test themselves on: Greenroom's
 * default wiring with an in-memory config and a capturing logger, and no other service (add the
 * factories under test with {@link Builder#defaultService}). Plugin authors use {@code
 * dev.greenroom.backend.test.TestBackend} (greenroom-backend-test), which adds HTTP, mock auth,
 * databases and the other core services. Add plugins, modules and service factories (factories added here override the
 * defaults, as {@code backend.add} does), then {@link #start()}.
 *
 * <pre>{@code
 * try (TestBackend backend = TestBackend.builder().add(myPlugin).config(Map.of(...)).start()) {
 *   assertTrue(backend.logs().messages().contains("Hello from example plugin"));
 * }
 * }</pre>
 */
public final class TestBackend implements AutoCloseable {
  private final BackendInitializer backend;
  private final CapturingLogger logs;
  private BackendStartupResult result;

  private TestBackend(BackendInitializer backend, CapturingLogger logs) {
    this.backend = backend;
    this.logs = logs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a backend with these features and no config. */
  public static TestBackend start(BackendFeature... features) {
    Builder b = builder();
    for (BackendFeature f : features) {
      b.add(f);
    }
    return b.start();
  }

  /** The startup result (null until started). */
  public BackendStartupResult startupResult() {
    return result;
  }

  public CapturingLogger logs() {
    return logs;
  }

  /** The instance of {@code ref} for {@code pluginId} ({@code "root"} for root services). */
  public <T> T service(ServiceRef<T> ref, String pluginId) {
    return backend.registry().get(ref, pluginId);
  }

  /** The underlying backend (add/start/stop); for tests of the wiring itself. */
  public BackendInitializer backend() {
    return backend;
  }

  public void stop() {
    backend.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Collects features and config before the backend is created. */
  public static final class Builder {
    private final List<Consumer<Backend>> features = new ArrayList<>();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final List<ServiceFactory<?>> extraDefaults = new ArrayList<>();

    private Builder() {}

    /** A plugin, module, loader or service factory (explicit add: overrides defaults). */
    public Builder add(BackendFeature feature) {
      Objects.requireNonNull(feature, "feature");
      features.add(backend -> backend.add(feature));
      return this;
    }

    /** A feature that arrives later, as {@code backend.add(import('...'))}; see {@link Backend#add(CompletionStage)}. */
    public Builder add(CompletionStage<?> feature) {
      Objects.requireNonNull(feature, "feature");
      features.add(backend -> backend.add(feature));
      return this;
    }

    /** Config data, deep-merged over what was given before. */
    public Builder config(Map<String, Object> data) {
      config.putAll(MapConfig.merge(config, data));
      return this;
    }

    /** An extra default service factory (lower precedence than {@link #add}). */
    public Builder defaultService(ServiceFactory<?> factory) {
      extraDefaults.add(factory);
      return this;
    }

    /** Creates the backend and adds the features, without starting it. */
    public TestBackend build() {
      CapturingLogger logs = new CapturingLogger();
      Map<String, Object> data = Map.copyOf(config);
      List<ServiceFactory<?>> defaults = new ArrayList<>(
          DefaultServiceFactories.create(() -> new MapConfig(data, "test config"), logs::logger));
      defaults.addAll(extraDefaults);
      BackendInitializer backend = new BackendInitializer(defaults);
      features.forEach(f -> f.accept(backend));
      return new TestBackend(backend, logs);
    }

    /** Builds and starts; start errors propagate (the backend is stopped first). */
    public TestBackend start() {
      TestBackend t = build();
      try {
        t.result = t.backend.start();
      } catch (RuntimeException e) {
        try {
          t.backend.stop();
        } catch (RuntimeException stopError) {
          // the start error is the one to report; a failing cleanup must not hide it
          e.addSuppressed(stopError);
        }
        throw e;
      }
      return t;
    }
  }
}
