package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.InitThreads;
import dev.greenroom.backend.runtime.internal.live.ExtensionPointListener;
import dev.greenroom.backend.runtime.internal.live.LiveBackend;
import dev.greenroom.backend.runtime.internal.live.PluginRun;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Backstage's static {@code start()} as a use of the one orchestrator, {@link LiveBackend}: features
 * are processed at {@link #start()}, root services start once, every registration is enumerated
 * (Backstage's duplicate checks), then each plugin is started on its own — concurrently, modules
 * first in dependency order — exactly as the OSGi runtime starts plugins one by one. The startup
 * result is collected and the boot-failure policy applied.
 */
public final class BackendInitializer implements Backend {
  private final LiveBackend live;
  private final Executor executor;
  private final List<Object> added = new ArrayList<>();
  private final List<RegistrationsFeature> registrations = new ArrayList<>();
  private final List<BackendFeatureLoader> loaders = new ArrayList<>();
  private CompletableFuture<BackendStartupResult> startFuture;
  private CompletableFuture<Void> stopFuture;

  public BackendInitializer(List<ServiceFactory<?>> defaultFactories) {
    this(defaultFactories, InitThreads.POOL);
  }

  public BackendInitializer(List<ServiceFactory<?>> defaultFactories, Executor executor) {
    this.live = new LiveBackend(defaultFactories, ExtensionPointListener.NONE, executor);
    this.executor = executor;
  }

  /** The service registry (for inspection by the runtime and tests). */
  public ServiceRegistry registry() {
    return live.registry();
  }

  public ExtensionPointTable extensionPoints() {
    return live.extensionPoints();
  }

  /** The orchestrator this start drives. */
  public LiveBackend live() {
    return live;
  }

  @Override
  public void add(BackendFeature feature) {
    addAny(Objects.requireNonNull(feature, "feature"));
  }

  @Override
  public void add(CompletionStage<?> feature) {
    addAny(Objects.requireNonNull(feature, "feature"));
  }

  private synchronized void addAny(Object feature) {
    if (startFuture != null) {
      throw new IllegalStateException("feature can not be added after the backend has started");
    }
    added.add(feature);
  }

  @Override
  public BackendStartupResult start() {
    synchronized (this) {
      if (startFuture != null) {
        throw new IllegalStateException("Backend has already started");
      }
      if (stopFuture != null) {
        throw new IllegalStateException("Backend has already stopped");
      }
      startFuture = new CompletableFuture<>();
    }
    try {
      BackendStartupResult result = doStart();
      startFuture.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      startFuture.completeExceptionally(e);
      throw e;
    }
  }

  private BackendStartupResult doStart() {
    ServiceRegistry registry = live.registry();
    registry.checkForCircularDeps();
    for (Object feature : added) {
      addFeature(FeatureUnwrapper.unwrap(feature));
    }
    new FeatureLoaderRunner(registry, this::addFeature).apply(loaders);
    if (registry.hasBeenAdded(CoreServices.ROOT_INSTANCE_METADATA)) {
      throw new IllegalStateException(
          "Duplicate service implementations provided for " + CoreServices.ROOT_INSTANCE_METADATA.id());
    }
    registry.add(InstanceMetadata.factory(registrations));

    live.startRoot();

    RegistrationIndex index = RegistrationIndex.enumerate(registrations, live.extensionPoints());
    List<String> pluginIds = index.pluginIds();
    StartupResultCollector collector =
        new StartupResultCollector(pluginIds, live.rootLogger(), live.bootFailurePolicy());
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (String pluginId : pluginIds) {
      Throwable duplicate = index.failure(pluginId);
      if (duplicate != null) {
        // newest upstream: a failure of that plugin, subject to onPluginBootFailure; it does not start
        collector.onPluginResult(pluginId, duplicate);
        continue;
      }
      runs.add(CompletableFuture.runAsync(() -> {
        PluginRun run = live.startEnumerated(pluginId, index.plugin(pluginId), index.modules(pluginId));
        run.modules().forEach(m -> collector.onPluginModuleResult(pluginId, m.moduleId(), m.error()));
        collector.onPluginResult(pluginId, run.error());
      }, executor));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();

    BackendStartupResult result = collector.finish();
    if (result.outcome() == BackendStartupResult.Outcome.FAILURE) {
      throw StartupErrors.toError(result);
    }
    live.rootStartup();
    return result;
  }

  private void addFeature(BackendFeature feature) {
    ServiceRegistry registry = live.registry();
    if (feature instanceof ServiceFactory<?> factory) {
      // before the duplicate check: hasBeenAdded is always true for the built-in pluginMetadata
      if (CoreServices.PLUGIN_METADATA.id().equals(factory.service().id())) {
        throw new IllegalStateException(
            "The " + CoreServices.PLUGIN_METADATA.id() + " service cannot be overridden");
      }
      if (!factory.service().multiton() && registry.hasBeenAdded(factory.service())) {
        throw new IllegalStateException("Duplicate service implementations provided for " + factory.service().id());
      }
      registry.add(factory);
    } else if (feature instanceof BackendFeatureLoader loader) {
      loaders.add(loader);
    } else if (feature instanceof RegistrationsFeature r) {
      registrations.add(r);
    } else {
      throw new IllegalArgumentException(
          "Failed to add feature, invalid feature " + FeatureUnwrapper.describe(feature));
    }
  }

  /** Before-shutdown hooks, every started plugin's shutdown hooks (concurrently), then root shutdown hooks. */
  @Override
  public void stop() {
    CompletableFuture<Void> stopping;
    synchronized (this) {
      if (stopFuture != null) {
        stopping = stopFuture;
      } else {
        stopFuture = new CompletableFuture<>();
        stopping = null;
      }
    }
    if (stopping != null) {
      stopping.join();
      return;
    }
    try {
      CompletableFuture<BackendStartupResult> started;
      synchronized (this) {
        started = startFuture;
      }
      if (started != null) {
        try {
          started.join();
        } catch (RuntimeException e) {
          // startup failed; cleanup still happens
        }
        live.stop();
      }
      stopFuture.complete(null);
    } catch (RuntimeException | Error e) {
      stopFuture.completeExceptionally(e);
      throw e;
    }
  }
}
