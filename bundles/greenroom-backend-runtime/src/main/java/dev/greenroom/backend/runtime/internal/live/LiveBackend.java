package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledModule;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.services.RootInstanceMetadataService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import dev.greenroom.backend.runtime.internal.defaults.InitThreads;
import dev.greenroom.backend.runtime.internal.defaults.RootLifecycleTriggers;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import dev.greenroom.backend.runtime.internal.wiring.BootFailurePolicy;
import dev.greenroom.backend.runtime.internal.wiring.ExtensionPointTable;
import dev.greenroom.backend.runtime.internal.wiring.PluginInitListener;
import dev.greenroom.backend.runtime.internal.wiring.PluginInitializer;
import dev.greenroom.backend.runtime.internal.wiring.RegistrationIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A backend whose plugins come and go: root services start once, then each plugin is started,
 * stopped and restarted on its own with the modules present at that moment. The same rules as a
 * static start apply to every (re)start; other plugins are never touched. Plain Java: the OSGi
 * coordinators drive it.
 */
public final class LiveBackend {
  private final ServiceRegistry registry;
  private final ExtensionPointTable extensionPoints = new ExtensionPointTable();
  private final PluginInitializer initializer;
  private final ExtensionPointListener listener;
  private final Map<String, List<Registration>> running = new ConcurrentHashMap<>();
  private volatile boolean rootStarted;
  /** Root services began to start: a stop must run root hooks even if that start failed. */
  private volatile boolean rootAttempted;
  private volatile boolean stopped;
  private final InitsInFlight inits = new InitsInFlight();
  /** How long a stop waits for the inits under way (InitsInFlight). */
  private volatile long stopSettleMillis = DEFAULT_STOP_SETTLE_MILLIS;
  static final long DEFAULT_STOP_SETTLE_MILLIS = 30_000;

  /**
   * A backend whose {@code core.rootInstanceMetadata} is added by the caller (the static start
   * adds its frozen list of registrations).
   */
  public LiveBackend(List<ServiceFactory<?>> factories, ExtensionPointListener listener) {
    this(factories, listener, InitThreads.POOL);
  }

  /** {@code executor} runs the modules of a plugin that may run concurrently. */
  public LiveBackend(List<ServiceFactory<?>> factories, ExtensionPointListener listener, Executor executor) {
    this.registry = ServiceRegistry.create(factories);
    this.listener = listener;
    this.initializer = new PluginInitializer(registry, extensionPoints, executor);
  }

  /** A backend whose {@code core.rootInstanceMetadata} lists the plugins running at each call (the OSGi runtime). */
  public static LiveBackend withLiveMetadata(List<ServiceFactory<?>> factories, ExtensionPointListener listener) {
    LiveBackend backend = new LiveBackend(factories, listener);
    backend.registry.add(ServiceFactory.of(CoreServices.ROOT_INSTANCE_METADATA).factory(deps -> backend.liveMetadata()));
    return backend;
  }

  /** Checks the service graph and instantiates eager root services. */
  public synchronized void startRoot() {
    if (rootStarted) {
      return;
    }
    rootAttempted = true;
    registry.checkForCircularDeps();
    registry.initializeEagerServicesWithScope(ServiceScope.ROOT, null);
    rootStarted = true;
  }

  public ServiceRegistry registry() {
    return registry;
  }

  public ExtensionPointTable extensionPoints() {
    return extensionPoints;
  }

  public LoggerService rootLogger() {
    return registry.get(CoreServices.ROOT_LOGGER, "root");
  }

  public RootConfigService rootConfig() {
    return registry.get(CoreServices.ROOT_CONFIG, "root");
  }

  public BootFailurePolicy bootFailurePolicy() {
    RootConfigService config = registry.get(CoreServices.ROOT_CONFIG, "root");
    return BootFailurePolicy.from(config);
  }

  /**
   * Starts {@code pluginId} with {@code modules} (in order). Enumeration errors (duplicate module
   * or extension point, a bad registration) fail the plugin like an init error. Blocks until the
   * plugin and its startup hooks have run. The plugin must not be running. Returns null, and starts
   * nothing, once the backend is stopping ({@link #stop}).
   */
  public PluginRun startPlugin(String pluginId, RegistrationsFeature plugin, List<RegistrationsFeature> modules) {
    return startPlugin(pluginId, plugin, modules, null);
  }

  /** As above; {@code progress} hears each init being called and returning (for the init timeout). */
  public PluginRun startPlugin(String pluginId, RegistrationsFeature plugin, List<RegistrationsFeature> modules,
      PluginInitListener progress) {
    if (!rootStarted) {
      throw new IllegalStateException("root services have not started");
    }
    if (inits.closed()) {
      return null;
    }
    if (running.containsKey(pluginId)) {
      throw new IllegalStateException("Plugin '" + pluginId + "' is already running");
    }
    List<Registration> registered = new ArrayList<>();
    RegistrationIndex index = new RegistrationIndex();
    try {
      if (plugin != null) {
        enumerate(pluginId, plugin, index, registered);
      }
    } catch (RuntimeException e) {
      extensionPoints.removePlugin(pluginId);
      return new PluginRun(pluginId, e, 0, List.of());
    }
    List<PluginRun.ModuleRun> rejected = new ArrayList<>();
    for (RegistrationsFeature module : modules) {
      List<Registration> ofModule = new ArrayList<>();
      try {
        enumerate(pluginId, module, index, ofModule);
        registered.addAll(ofModule);
      } catch (RuntimeException e) {
        // a broken module fails alone: its plugin and the other modules still start
        ofModule.forEach(r -> r.extensionPoints().forEach(p -> extensionPoints.remove(p.extensionPoint().id())));
        rejected.add(new PluginRun.ModuleRun(moduleIdOf(module), e, -1, 0));
      }
    }
    return initialize(pluginId, index.plugin(pluginId), index.modules(pluginId), registered, rejected, progress);
  }

  /**
   * Starts {@code pluginId} from registrations already enumerated into {@link #extensionPoints()}
   * (the static start enumerates every feature first, as Backstage does). Blocks until the plugin
   * and its startup hooks have run.
   */
  public PluginRun startEnumerated(String pluginId, Registration plugin, List<Registration> modules) {
    if (!rootStarted) {
      throw new IllegalStateException("root services have not started");
    }
    List<Registration> registered = new ArrayList<>();
    if (plugin != null) {
      registered.add(plugin);
    }
    registered.addAll(modules);
    PluginRun run = initialize(pluginId, plugin, modules, registered, List.of(), null);
    if (run == null) {
      // the static start (BackendInitializer) stops only after its start has settled
      throw new IllegalStateException("Plugin '" + pluginId + "' not started: the backend is stopping");
    }
    return run;
  }

  private PluginRun initialize(String pluginId, Registration plugin, List<Registration> modules,
      List<Registration> registered, List<PluginRun.ModuleRun> rejected, PluginInitListener progress) {
    if (!inits.begin()) {
      extensionPoints.removePlugin(pluginId); // what the enumeration registered
      return null;
    }
    try {
      return initializeCounted(pluginId, plugin, modules, registered, rejected, progress);
    } finally {
      inits.end();
    }
  }

  private PluginRun initializeCounted(String pluginId, Registration plugin, List<Registration> modules,
      List<Registration> registered, List<PluginRun.ModuleRun> rejected, PluginInitListener progress) {
    if (running.putIfAbsent(pluginId, registered) != null) {
      throw new IllegalStateException("Plugin '" + pluginId + "' is already running");
    }
    List<PluginRun.ModuleRun> moduleRuns = new ArrayList<>();
    Throwable[] pluginError = new Throwable[1];
    long[] pluginMillis = new long[1];
    extensionPoints.all().stream().filter(e -> e.pluginId().equals(pluginId)).forEach(listener::registered);
    initializer.initialize(pluginId, plugin, modules, new PluginInitListener() {
      @Override
      public void onModuleResult(String pid, String moduleId, Throwable error, int order, long millis) {
        moduleRuns.add(new PluginRun.ModuleRun(moduleId, error, order, millis));
      }

      @Override
      public void onPluginResult(String pid, Throwable error, long millis) {
        pluginError[0] = error;
        pluginMillis[0] = millis;
      }

      @Override
      public void onInitCalled(String pid, String moduleId) {
        if (progress != null) {
          progress.onInitCalled(pid, moduleId);
        }
      }

      @Override
      public void onInitReturned(String pid, String moduleId) {
        if (progress != null) {
          progress.onInitReturned(pid, moduleId);
        }
      }
    });
    int order = moduleRuns.size();
    for (PluginRun.ModuleRun r : rejected) {
      moduleRuns.add(new PluginRun.ModuleRun(r.moduleId(), r.error(), order++, 0));
    }
    return new PluginRun(pluginId, pluginError[0], pluginMillis[0], moduleRuns);
  }

  private void enumerate(String pluginId, RegistrationsFeature feature, RegistrationIndex index, List<Registration> out) {
    for (Registration r : feature.getRegistrations()) {
      if (!r.pluginId().equals(pluginId)) {
        continue;
      }
      index.add(r, extensionPoints);
      out.add(r);
    }
  }

  private static String moduleIdOf(RegistrationsFeature module) {
    return module instanceof dev.greenroom.backend.api.BackendModule m ? m.moduleId() : String.valueOf(module);
  }

  /** Stops a running (or failed) plugin: shutdown hooks, extension points withdrawn, instances dropped. */
  public void stopPlugin(String pluginId) {
    if (running.remove(pluginId) == null) {
      return;
    }
    List<ExtensionPointTable.Entry> removed;
    try {
      removed = initializer.stop(pluginId);
    } catch (RuntimeException e) {
      removed = extensionPoints.removePlugin(pluginId);
      rootLogger().error("Plugin '" + pluginId + "' did not stop cleanly", e);
    }
    removed.forEach(listener::withdrawn);
  }

  /** How long {@link #stop} waits for the plugin inits under way (default 30 s); for tests and embedders. */
  public void stopSettle(long millis) {
    stopSettleMillis = millis;
  }

  public boolean isRunning(String pluginId) {
    return running.containsKey(pluginId);
  }

  /** Runs root startup hooks (once the initial set of plugins has settled successfully). */
  public void rootStartup() {
    rootLifecycle().startup();
  }

  /**
   * Waits for the plugin inits under way (at most {@link #stopSettle}; none begins from now on),
   * then runs before-shutdown hooks, every plugin's shutdown hooks (concurrently), then root
   * shutdown hooks.
   */
  public synchronized void stop() {
    try {
      inits.closeAndAwait(stopSettleMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopped || !rootAttempted) {
      stopped = true;
      return;
    }
    stopped = true;
    RootLifecycleTriggers root = rootLifecycle();
    root.beforeShutdown();
    List<Thread> stops = new ArrayList<>();
    for (String pluginId : List.copyOf(running.keySet())) {
      Thread t = new Thread(() -> stopPlugin(pluginId), "greenroom-stop-" + pluginId);
      t.start();
      stops.add(t);
    }
    for (Thread t : stops) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    root.shutdown();
  }

  private RootLifecycleTriggers rootLifecycle() {
    RootLifecycleService service = registry.get(CoreServices.ROOT_LIFECYCLE, "root");
    if (service instanceof RootLifecycleTriggers triggers) {
      return triggers;
    }
    throw new IllegalStateException("Unexpected root lifecycle service implementation");
  }

  private RootInstanceMetadataService liveMetadata() {
    return () -> {
      List<InstalledPlugin> plugins = new ArrayList<>();
      running.forEach((pluginId, regs) -> {
        List<InstalledModule> modules = new ArrayList<>();
        regs.stream().filter(Registration::isModule).forEach(r -> modules.add(new InstalledModule(r.moduleId())));
        plugins.add(new InstalledPlugin(pluginId, modules));
      });
      return List.copyOf(plugins);
    };
  }
}
