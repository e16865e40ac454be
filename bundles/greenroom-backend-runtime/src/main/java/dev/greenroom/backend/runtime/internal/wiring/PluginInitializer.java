package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ResolvedDeps;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.runtime.internal.ConflictError;
import dev.greenroom.backend.runtime.internal.defaults.LifecycleTriggers;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Starts and stops ONE plugin: its eager plugin services, its modules in dependency order, its
 * init, its startup hooks. Used for every plugin by the static start and by the OSGi coordinators,
 * which (re)start plugins one at a time.
 */
public final class PluginInitializer {
  private final ServiceRegistry registry;
  private final ExtensionPointTable extensionPoints;
  private final InitDepsResolver resolver;
  private final Executor executor;

  public PluginInitializer(ServiceRegistry registry, ExtensionPointTable extensionPoints, Executor executor) {
    this.registry = registry;
    this.extensionPoints = extensionPoints;
    this.resolver = new InitDepsResolver(registry, extensionPoints);
    this.executor = executor;
  }

  /**
   * Initializes {@code plugin} with {@code modules} (registration order). The extension points of
   * all of them must already be in the table. Never throws: every outcome goes to {@code listener}.
   */
  public void initialize(String pluginId, Registration plugin, List<Registration> modules, PluginInitListener listener) {
    long pluginStart = System.nanoTime();
    Map<String, Throwable> lateFailures = new ConcurrentHashMap<>();
    List<ModuleOutcome> moduleOutcomes = new ArrayList<>();
    try {
      registry.initializeEagerServicesWithScope(ServiceScope.PLUGIN, pluginId);
      if (!modules.isEmpty()) {
        runModules(pluginId, modules, moduleOutcomes, lateFailures, listener);
      }
      if (plugin != null) {
        ResolvedDeps deps = resolver.resolve(plugin.init().deps(), pluginId, null, lateFailures::putIfAbsent);
        listener.onInitCalled(pluginId, null);
        try {
          plugin.init().init().init(deps);
        } finally {
          listener.onInitReturned(pluginId, null);
        }
      }
      LifecycleTriggers lifecycle = lifecycleOf(pluginId);
      reportModules(pluginId, modules, moduleOutcomes, lateFailures, listener);
      listener.onPluginResult(pluginId, null, millisSince(pluginStart));
      lifecycle.startup();
    } catch (Throwable e) {
      reportModules(pluginId, modules, moduleOutcomes, lateFailures, listener);
      listener.onPluginResult(pluginId, e, millisSince(pluginStart));
    }
  }

  /**
   * Stops a started plugin: its shutdown hooks, then withdraws its extension points and forgets its
   * plugin-scoped service instances, so it can be initialized again.
   */
  public List<ExtensionPointTable.Entry> stop(String pluginId) {
    try {
      lifecycleOf(pluginId).shutdown();
    } finally {
      registry.disposePlugin(pluginId);
    }
    return extensionPoints.removePlugin(pluginId);
  }

  /** Runs the shutdown hooks of {@code pluginId} only (backend stop). */
  public void shutdownHooks(String pluginId) {
    lifecycleOf(pluginId).shutdown();
  }

  private LifecycleTriggers lifecycleOf(String pluginId) {
    LifecycleService service = registry.get(CoreServices.LIFECYCLE, pluginId);
    if (service instanceof LifecycleTriggers triggers) {
      return triggers;
    }
    throw new IllegalStateException("Unexpected plugin lifecycle service implementation");
  }

  private record ModuleOutcome(String moduleId, Throwable error, long millis) {}

  private void runModules(String pluginId, List<Registration> modules, List<ModuleOutcome> outcomes,
      Map<String, Throwable> lateFailures, PluginInitListener listener) {
    List<DependencyGraph.Node<Registration>> nodes = new ArrayList<>();
    for (Registration m : modules) {
      // Reversed on purpose: a module that PROVIDES an extension point runs AFTER every module
      // that consumes it, so the consumers' contributions are in place when the provider's init
      // reads them (backstage#30156).
      nodes.add(new DependencyGraph.Node<>(
          m,
          m.extensionPoints().stream().map(p -> p.extensionPoint().id()).collect(Collectors.toSet()),
          m.init().deps().asList().stream().map(d -> d.id()).collect(Collectors.toSet())));
    }
    DependencyGraph<Registration> graph = DependencyGraph.of(nodes);
    graph.detectCircularDependency().ifPresent(cycle -> {
      throw new ConflictError(
          "Circular dependency detected for modules of plugin '" + pluginId + "', "
              + cycle.stream().map(r -> "'" + r.moduleId() + "'").collect(Collectors.joining(" -> ")));
    });
    // Modules ready together are started in registration order (mod-a's init is called before
    // mod-c's when both feed mod-b) and then run concurrently, as Backstage's event loop has it
    // (docs/runtime.md, "Module order").
    graph.orderedTopologicalTraversal(executor, (module, started) -> {
      long start = System.nanoTime();
      Throwable error = null;
      try {
        ResolvedDeps deps = resolver.resolve(module.init().deps(), pluginId, module.moduleId(), lateFailures::putIfAbsent);
        listener.onInitCalled(pluginId, module.moduleId());
        started.run();
        try {
          module.init().init().init(deps);
        } finally {
          listener.onInitReturned(pluginId, module.moduleId());
        }
      } catch (Throwable e) {
        error = e;
      }
      synchronized (outcomes) {
        outcomes.add(new ModuleOutcome(module.moduleId(), error, millisSince(start)));
      }
    });
  }

  /** Reports each module that ran, in registration order, with the index it completed at. */
  private static void reportModules(String pluginId, List<Registration> modules, List<ModuleOutcome> outcomes,
      Map<String, Throwable> lateFailures, PluginInitListener listener) {
    List<ModuleOutcome> snapshot;
    synchronized (outcomes) {
      snapshot = List.copyOf(outcomes);
      outcomes.clear();
    }
    for (Registration module : modules) {
      for (int completed = 0; completed < snapshot.size(); completed++) {
        ModuleOutcome o = snapshot.get(completed);
        if (o.moduleId().equals(module.moduleId())) {
          Throwable error = o.error() != null ? o.error() : lateFailures.get(o.moduleId());
          listener.onModuleResult(pluginId, o.moduleId(), error, completed, o.millis());
        }
      }
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
