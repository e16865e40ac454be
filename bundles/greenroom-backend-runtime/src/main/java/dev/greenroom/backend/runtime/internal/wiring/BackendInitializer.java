package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Registration;
import dev.greenroom.backend.api.RegistrationsFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.backend.api.services.RootLoggerService;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.InitThreads;
import dev.greenroom.backend.runtime.internal.defaults.RootLifecycleTriggers;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Backstage's BackendInitializer: processes features at {@link #start()}, starts root services,
 * enumerates registrations, initializes every plugin concurrently (modules first, in dependency
 * order), collects the startup result and applies the boot-failure policy.
 */
public final class BackendInitializer implements Backend {
  private final ServiceRegistry registry;
  private final Executor executor;
  private final List<Object> added = new ArrayList<>();
  private final List<RegistrationsFeature> registrations = new ArrayList<>();
  private final List<BackendFeatureLoader> loaders = new ArrayList<>();
  private final ExtensionPointTable extensionPoints = new ExtensionPointTable();
  private CompletableFuture<BackendStartupResult> startFuture;
  private CompletableFuture<Void> stopFuture;
  private volatile PluginInitializer pluginInitializer;
  private volatile List<String> enumeratedPluginIds;

  public BackendInitializer(List<ServiceFactory<?>> defaultFactories) {
    this(defaultFactories, InitThreads.POOL);
  }

  public BackendInitializer(List<ServiceFactory<?>> defaultFactories, Executor executor) {
    this.registry = ServiceRegistry.create(defaultFactories);
    this.executor = executor;
  }

  /** The service registry (for inspection by the runtime and tests). */
  public ServiceRegistry registry() {
    return registry;
  }

  public ExtensionPointTable extensionPoints() {
    return extensionPoints;
  }

  @Override
  public synchronized void add(Object feature) {
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

    registry.initializeEagerServicesWithScope(ServiceScope.ROOT, null);

    RegistrationIndex index = RegistrationIndex.enumerate(registrations, extensionPoints);
    List<String> pluginIds = index.pluginIds();
    enumeratedPluginIds = pluginIds;
    RootConfigService config = registry.get(CoreServices.ROOT_CONFIG, "root");
    RootLoggerService rootLogger = registry.get(CoreServices.ROOT_LOGGER, "root");
    StartupResultCollector collector =
        new StartupResultCollector(pluginIds, rootLogger, BootFailurePolicy.from(config));
    pluginInitializer = new PluginInitializer(registry, extensionPoints);
    PluginInitListener listener = new PluginInitListener() {
      @Override
      public void onModuleResult(String pluginId, String moduleId, Throwable error, int order, long millis) {
        collector.onPluginModuleResult(pluginId, moduleId, error);
      }

      @Override
      public void onPluginResult(String pluginId, Throwable error, long millis) {
        collector.onPluginResult(pluginId, error);
      }
    };
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (String pluginId : pluginIds) {
      runs.add(CompletableFuture.runAsync(
          () -> pluginInitializer.initialize(pluginId, index.plugin(pluginId), index.modules(pluginId), listener),
          executor));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();

    BackendStartupResult result = collector.finish();
    if (result.outcome() == BackendStartupResult.Outcome.FAILURE) {
      throw StartupErrors.toError(result);
    }
    rootLifecycle().startup();
    return result;
  }

  private void addFeature(BackendFeature feature) {
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
      doStop();
      stopFuture.complete(null);
    } catch (RuntimeException | Error e) {
      stopFuture.completeExceptionally(e);
      throw e;
    }
  }

  private void doStop() {
    CompletableFuture<BackendStartupResult> started;
    synchronized (this) {
      started = startFuture;
    }
    if (started == null) {
      return;
    }
    try {
      started.join();
    } catch (RuntimeException e) {
      // startup failed; cleanup still happens
    }
    RootLifecycleTriggers root = rootLifecycle();
    root.beforeShutdown();
    PluginInitializer plugins = pluginInitializer != null
        ? pluginInitializer
        : new PluginInitializer(registry, extensionPoints);
    List<CompletableFuture<Void>> shutdowns = new ArrayList<>();
    for (String pluginId : registeredPluginIds()) {
      shutdowns.add(CompletableFuture.runAsync(() -> plugins.shutdownHooks(pluginId), executor));
    }
    for (CompletableFuture<Void> s : shutdowns) {
      try {
        s.join();
      } catch (RuntimeException e) {
        // a plugin whose lifecycle cannot be obtained has no hooks to run
      }
    }
    root.shutdown();
  }

  private Set<String> registeredPluginIds() {
    List<String> known = enumeratedPluginIds;
    if (known != null) {
      return new LinkedHashSet<>(known);
    }
    // start failed before enumeration: one more register pass, as upstream does at stop
    Set<String> ids = new LinkedHashSet<>();
    for (RegistrationsFeature feature : registrations) {
      try {
        for (Registration r : feature.getRegistrations()) {
          if (!r.isModule()) {
            ids.add(r.pluginId());
          }
        }
      } catch (RuntimeException e) {
        // a feature whose register fails never started; nothing to shut down
      }
    }
    return ids;
  }

  private RootLifecycleTriggers rootLifecycle() {
    RootLifecycleService service = registry.get(CoreServices.ROOT_LIFECYCLE, "root");
    if (service instanceof RootLifecycleTriggers triggers) {
      return triggers;
    }
    throw new IllegalStateException("Unexpected root lifecycle service implementation");
  }
}
