package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.SinkLogger;
import dev.greenroom.backend.runtime.internal.deploy.DeployGuard;
import dev.greenroom.backend.runtime.internal.deploy.UnresolvedDeploys;
import dev.greenroom.backend.runtime.internal.live.LiveBackend;
import dev.greenroom.backend.runtime.internal.wiring.StartupErrors;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;

/**
 * The OSGi adapter around the plain-Java core: tracks feature services and feature capabilities,
 * runs one coordinator per plugin, publishes extension points, hides them across plugins, and
 * exposes the state as the {@link GreenroomRuntime} service. Root services start once the
 * framework has started, so the boot batch holds every plugin installed at launch.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class GreenroomActivator implements BundleActivator, FrameworkListener {
  private BundleContext context;
  private RuntimeSettings settings;
  private LoggerService earlyLogger;
  private Coordinators coordinators;
  private IsolationHooks isolation;
  private FeatureServiceTracker features;
  private DeclarationTracker declarations;
  private ExtensionPointServices extensionPointServices;
  private ServiceProviderGate serviceProviders;
  private PluginWiringHook wiringHook;
  private ResolveAttempts resolveAttempts;
  private DeployFolder deployFolder;
  private DeployGuard deployGuard;
  private volatile LiveBackend backend;
  private boolean rootStarting;
  private volatile boolean stopping;
  private Thread starter;
  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
  private StandaloneShutdown standaloneShutdown;
  private DeployPreinstall preinstall;
  private volatile Thread.UncaughtExceptionHandler crashGuard;
  private final JacksonTypeCache jacksonTypeCache = new JacksonTypeCache();
  private PendingRefreshes pendingRefreshes;

  @Override
  public void start(BundleContext context) {
    this.context = context;
    this.settings = RuntimeSettings.from(context);
    this.earlyLogger = SinkLogger.console().child(Map.of("service", "greenroom-runtime"));
    this.coordinators = new Coordinators(context, settings.moduleTimeoutMillis(), settings.restartSettleMillis(), earlyLogger,
        this::onBootFinished);
    this.isolation = new IsolationHooks();
    registrations.add(context.registerService(
        new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, isolation, null));
    this.wiringHook = new PluginWiringHook(coordinators::logger);
    registrations.add(context.registerService(ResolverHookFactory.class, wiringHook, null));
    this.declarations = new DeclarationTracker(context, coordinators, isolation, coordinators::logger);
    this.features = new FeatureServiceTracker(context, coordinators, coordinators::logger);
    declarations.open();
    serviceProviders = new ServiceProviderGate(context, features::factoryKeys);
    features.onFactory(serviceProviders::factoryArrived);
    features.open();
    deployGuard = new DeployGuard(new InstalledBundles(context)::installedFrom, coordinators::logger);
    deployFolder = new DeployFolder(context, new UnresolvedDeploys(coordinators::logger, System::currentTimeMillis));
    pendingRefreshes = new PendingRefreshes(b -> deployFolder.installedFile(b).isPresent(), coordinators::refreshPending);
    resolveAttempts = new ResolveAttempts(deployFolder);
    registrations.add(context.registerService(ResolverHookFactory.class, resolveAttempts, null));
    registrations.add(context.registerService(GreenroomRuntime.class,
        new RuntimeState(coordinators, () -> backend, wiringHook, deployGuard, deployFolder), null));
    if (InstalledBundles.importsPackage(context, DeployInstaller.PACKAGE)) {
      // loaded only now: DeployInstaller links against FileInstall's optional package
      registrations.add(DeployInstaller.register(context, deployGuard));
    }
    if (settings.standalone()) {
      standaloneShutdown = StandaloneShutdown.install(context, this::stopBackend);
      createDeployFolder(context);
    }
    // after the hooks above, so the batch resolve goes through them (issue 15: one batch instead of FileInstall's one by one)
    preinstall = DeployPreinstall.atLaunch(context, deployGuard::claims, settings.serviceTimeoutMillis());
    context.addFrameworkListener(this);
    context.addBundleListener(jacksonTypeCache);
    context.addBundleListener(pendingRefreshes);
    context.addFrameworkListener(pendingRefreshes);
    if (context.getBundle(0).getState() == Bundle.ACTIVE) {
      startRootAsync();
    }
  }

  @Override
  public void frameworkEvent(FrameworkEvent event) {
    if (event.getType() == FrameworkEvent.STARTED) {
      startRootAsync();
    }
  }

  private synchronized void startRootAsync() {
    if (rootStarting) {
      return;
    }
    rootStarting = true;
    starter = new Thread(this::startRoot, "greenroom-root-start");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * The boot batch is every plugin installed at launch, including what sits in {@code deploy/}:
   * FileInstall installs those on its own thread after the framework has started, so the root start
   * waits (bounded by {@code greenroom.module.timeout}) until each bundle jar there is installed or
   * will be refused. Without it a plugin in {@code deploy/} could miss the boot (and its startup
   * result, under {@code onPluginBootFailure: abort}) by a few milliseconds.
   */
  private void awaitDeployFolder() throws InterruptedException {
    // The wait ends greenroom.module.timeout after FileInstall last installed one of the folder's
    // jars (not after the wait began: a folder of hundreds of jars on a busy machine takes longer),
    // and at greenroom.service.timeout at the latest.
    long start = System.nanoTime();
    long quietLimit = TimeUnit.MILLISECONDS.toNanos(settings.moduleTimeoutMillis());
    long hardLimit = TimeUnit.MILLISECONDS.toNanos(Math.max(settings.moduleTimeoutMillis(), settings.serviceTimeoutMillis()));
    // O(changes) per poll: installs arrive as events; the folder itself is listed again only every
    // FULL_LOOK_MILLIS (a new file, a jar the guard now refuses). Listing and reading hundreds of
    // jars every 20 ms took a core away from FileInstall during a big start (issue 15).
    Set<Path> installed = ConcurrentHashMap.newKeySet();
    SynchronousBundleListener installs = event -> {
      if (event.getType() == BundleEvent.INSTALLED) {
        deployFolder.installedFile(event.getBundle()).ifPresent(installed::add);
      } else if (event.getType() == BundleEvent.UNINSTALLED) {
        deployFolder.installedFile(event.getBundle()).ifPresent(installed::remove);
      }
    };
    context.addBundleListener(installs);
    if (preinstall != null) {
      preinstall.awaitInstalled(TimeUnit.NANOSECONDS.toMillis(hardLimit));
    }
    List<Path> pending;
    boolean batchStarting = false;
    try {
      pending = new ArrayList<>(deployFolder.notYetInstalled());
      long lastFullLook = System.nanoTime();
      long lastProgress = lastFullLook;
      while (!pending.isEmpty() && System.nanoTime() - lastProgress < quietLimit && System.nanoTime() - start < hardLimit) {
        Thread.sleep(20);
        int before = pending.size();
        if (System.nanoTime() - lastFullLook >= TimeUnit.MILLISECONDS.toNanos(FULL_LOOK_MILLIS)) {
          pending = new ArrayList<>(deployFolder.notYetInstalled());
          lastFullLook = System.nanoTime();
        } else {
          pending.removeIf(installed::contains);
        }
        if (pending.size() < before) {
          lastProgress = System.nanoTime();
        }
      }
      if (!pending.isEmpty()) {
        pending = deployFolder.notYetInstalled();
      }
      // the bundles DeployPreinstall installed are started only there, folder full or not
      if (pending.isEmpty() || preinstall != null) {
        // module waits do not expire while the batch is being started (bounded like the wait above)
        coordinators.launchStarting(System.nanoTime() + hardLimit);
        batchStarting = true;
        DeployPreinstall installedHere = preinstall;
        DeployStarts.startInPluginOrder(context, deployFolder::notStarted,
            b -> installedHere != null && installedHere.installedHere(b), coordinators::logger,
            settings.moduleTimeoutMillis(), () -> coordinators.launchStarting(null));
      }
    } finally {
      context.removeBundleListener(installs);
      deployFolder.forgetInspections();
      if (!batchStarting) {
        coordinators.launchStarting(null);
      }
    }
    if (!pending.isEmpty()) {
      earlyLogger.info("Starting without waiting longer for FileInstall to install " + pending);
    }
  }

  private static final long FULL_LOOK_MILLIS = 500;

  private void startRoot() {
    try {
      List<ServiceProviderGate.Declared> missing =
          serviceProviders.await(settings.moduleTimeoutMillis(), settings.serviceTimeoutMillis());
      ServiceProviderGate.report(missing, earlyLogger);
      awaitDeployFolder();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    // the bare fallbacks: greenroom-config and greenroom-logging provide the real ones
    List<ServiceFactory<?>> defaults = DefaultServiceFactories.bare();
    // the coordinator records the bundles of a run before starting it, so the owner is always known
    extensionPointServices = new ExtensionPointServices(context, entry -> coordinators.ownerOf(entry.pluginId(), entry.moduleId()));
    LiveBackend live = LiveBackend.withLiveMetadata(defaults, extensionPointServices);
    for (ServiceFactory<?> f : features.factoriesForRootStart()) {
      try {
        live.registry().add(f);
      } catch (RuntimeException e) {
        earlyLogger.error("Ignoring service factory for " + f.service().id() + ": " + e.getMessage(), e);
      }
    }
    // factories registered from now on (a core-service bundle slower than the gate) go to this registry
    coordinators.useBackend(live);
    synchronized (this) {
      if (stopping) {
        return;
      }
      backend = live;
    }
    try {
      live.startRoot();
      if (settings.standalone()) {
        installCrashGuard(live);
      }
      coordinators.rootStarted(live);
    } catch (RuntimeException e) {
      earlyLogger.error("Backend root services failed to start: " + e.getMessage(), e);
      exitOnFatalError("Backend root services failed to start: " + e.getMessage());
    }
  }

  /**
   * Backstage's crash guard: an exception nobody catches (a plugin's stray thread) is logged
   * through the root logger, naming the thread, instead of vanishing on stderr. Standalone only:
   * an embedding application owns the JVM-wide handler.
   */
  private void installCrashGuard(LiveBackend live) {
    if (Thread.getDefaultUncaughtExceptionHandler() != null) {
      return;
    }
    LoggerService log = live.rootLogger().child(Map.of("type", "uncaughtException"));
    crashGuard = (thread, error) -> log.error("Uncaught exception in thread " + thread.getName(), error);
    Thread.setDefaultUncaughtExceptionHandler(crashGuard);
  }

  private void onBootFinished(BackendStartupResult result) {
    LiveBackend live = backend;
    if (result.outcome() == BackendStartupResult.Outcome.SUCCESS) {
      live.rootStartup();
      if (settings.standalone() && settings.exitAfterStartup()) {
        earlyLogger.info("Backend started; stopping as " + RuntimeSettings.EXIT_AFTER_STARTUP + " asks");
        Thread stopper = new Thread(() -> {
          try {
            context.getBundle(0).stop();
          } catch (Exception e) {
            earlyLogger.error("Could not stop the framework: " + e.getMessage(), e);
          }
        }, "greenroom-exit-after-startup");
        stopper.start();
      }
    } else {
      live.rootLogger().error(StartupErrors.toError(result).getMessage());
      exitOnFatalError(null);
    }
  }

  /** Standalone: a fatal startup error ends the process with exit code 1 (StandaloneShutdown). */
  private void exitOnFatalError(String lastLine) {
    if (standaloneShutdown != null) {
      standaloneShutdown.exitOnFatalError(earlyLogger, lastLine);
    }
  }

  /** Idempotent (LiveBackend.stop): StandaloneShutdown calls it as the framework begins to stop. */
  private void stopBackend() {
    LiveBackend live = backend;
    if (live != null) {
      live.stop();
    }
  }

  @Override
  public void stop(BundleContext context) {
    context.removeFrameworkListener(this);
    context.removeBundleListener(jacksonTypeCache);
    context.removeBundleListener(pendingRefreshes);
    context.removeFrameworkListener(pendingRefreshes);
    synchronized (this) {
      stopping = true;
      if (starter != null) {
        starter.interrupt();
      }
    }
    coordinators.haltAll();
    LiveBackend live = backend;
    if (live != null) {
      live.stop();
    }
    features.close();
    declarations.close();
    if (extensionPointServices != null) {
      extensionPointServices.closeAll();
    }
    coordinators.unregisterMarkers();
    for (ServiceRegistration<?> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework withdrew it
      }
    }
    registrations.clear();
    resolveAttempts.close();
    if (crashGuard != null && Thread.getDefaultUncaughtExceptionHandler() == crashGuard) {
      // never leave a handler behind that pins this bundle's class loader
      Thread.setDefaultUncaughtExceptionHandler(null);
    }
    if (standaloneShutdown != null) {
      if (context.getBundle(0).getState() == Bundle.STOPPING) {
        standaloneShutdown.markStoppedFromInside();
      } else {
        standaloneShutdown.uninstall();
      }
    }
  }

  /** FileInstall does not create its folder; in standalone mode the runtime does, so hot deploy just works. */
  private void createDeployFolder(BundleContext context) {
    String dir = context.getProperty("felix.fileinstall.dir");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      java.nio.file.Files.createDirectories(Path.of(dir));
    } catch (java.io.IOException | RuntimeException e) {
      earlyLogger.warn("Could not create the hot-deploy folder " + dir + ": " + e.getMessage());
    }
  }
}
