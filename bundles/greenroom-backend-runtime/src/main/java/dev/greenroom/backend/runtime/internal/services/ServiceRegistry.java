package dev.greenroom.backend.runtime.internal.services;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ResolvedDeps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.PluginMetadataService;
import dev.greenroom.backend.runtime.internal.ConflictError;
import dev.greenroom.backend.runtime.internal.ErrorText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Knows the service factories of one backend and makes their instances: one per backend for root
 * services, one per (factory, plugin) for plugin services. A synchronous port of Backstage's
 * {@code ServiceRegistry}; messages are Backstage's, verbatim.
 *
 * <p>Thread-safe. Each instance, root context and loaded default factory is made at most once;
 * concurrent callers wait for the first, and a failure is remembered and thrown to every caller.
 * No lock is held by the registry itself while a factory runs.
 */
public final class ServiceRegistry {
  public static final String SOURCE_BUILT_IN = "built-in";
  public static final String SOURCE_DEFAULT = "default";
  public static final String SOURCE_ADDED = "added";
  public static final String SOURCE_REF_DEFAULT = "ref default";

  /** The plugin id used for root-scope work, as Backstage's default {@code pluginId = 'root'}. */
  public static final String ROOT_PLUGIN_ID = "root";

  private static final String PLUGIN_METADATA_ID = CoreServices.PLUGIN_METADATA.id();

  private final Object lock = new Object();
  // Guarded by lock. Insertion order is registration order; replacing keeps an id's position.
  private final Map<String, List<Registration>> providedFactories = new LinkedHashMap<>();
  private final Set<String> addedFactoryIds = new HashSet<>();
  private final Set<String> instantiatedIds = new HashSet<>();
  /** The default factory of each singleton id, to fall back to when a live factory leaves. */
  private final Map<String, Registration> defaults = new HashMap<>();

  // Keyed by service id rather than by loader: a non-capturing Java lambda is one shared object,
  // so two refs built by the same helper would otherwise share one loaded factory.
  private final ConcurrentMap<String, Once<ServiceFactory<?>>> loadedDefaultFactories =
      new ConcurrentHashMap<>();
  // ServiceFactory has identity equality, as Backstage's Map keyed by factory object.
  private final ConcurrentMap<ServiceFactory<?>, Once<Object>> rootInstances =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<ServiceFactory<?>, Once<Object>> rootContexts =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentMap<ServiceFactory<?>, Once<Object>>>
      pluginInstances = new ConcurrentHashMap<>();

  private ServiceRegistry() {}

  /**
   * A registry holding {@code defaultFactories}; for a singleton id the last one wins, multiton
   * factories accumulate.
   *
   * @throws ConflictError if the factories depend on each other in a cycle
   */
  public static ServiceRegistry create(List<ServiceFactory<?>> defaultFactories) {
    ServiceRegistry registry = new ServiceRegistry();
    for (ServiceFactory<?> factory : defaultFactories) {
      rejectPluginMetadataOverride(factory);
      registry.register(factory, SOURCE_DEFAULT);
      if (!factory.service().multiton()) {
        registry.defaults.put(factory.service().id(), new Registration(factory, SOURCE_DEFAULT));
      }
    }
    registry.checkForCircularDeps();
    return registry;
  }

  /**
   * Throws a {@link ConflictError} listing every unique cycle among the registered factories. Refs'
   * own default factories are not part of the check, as in Backstage.
   */
  public void checkForCircularDeps() {
    Map<String, Set<String>> consumesById = new LinkedHashMap<>();
    synchronized (lock) {
      providedFactories.forEach(
          (id, registrations) -> {
            Set<String> consumes = new LinkedHashSet<>();
            for (Registration registration : registrations) {
              for (Dependency<?> dependency : registration.factory().deps()) {
                if (dependency instanceof ServiceRef<?>) {
                  consumes.add(dependency.id());
                }
              }
            }
            consumesById.put(id, consumes);
          });
    }
    List<List<String>> cycles = DependencyCycles.find(consumesById);
    if (!cycles.isEmpty()) {
      throw new ConflictError(DependencyCycles.describe(cycles));
    }
  }

  /** Whether a singleton factory was explicitly added for this id; always true for metadata. */
  public boolean hasBeenAdded(ServiceRef<?> ref) {
    if (PLUGIN_METADATA_ID.equals(ref.id())) {
      return true;
    }
    synchronized (lock) {
      return addedFactoryIds.contains(ref.id());
    }
  }

  /** Adds a factory explicitly; see {@link #add(ServiceFactory, String)}. */
  public void add(ServiceFactory<?> factory) {
    add(factory, SOURCE_ADDED);
  }

  /**
   * Adds a factory: a multiton factory is appended; a singleton one replaces a default for its id,
   * and a second one for an id already added is refused with Backstage's {@code Duplicate service
   * implementations provided for <id>} — whoever calls (the static start, the OSGi runtime adding
   * whiteboard factories highest ranking first), the first one added stays.
   *
   * @param source how {@link #describe()} labels it, e.g. {@code added} or {@code loader}
   */
  public void add(ServiceFactory<?> factory, String source) {
    rejectPluginMetadataOverride(factory);
    String id = factory.service().id();
    synchronized (lock) {
      if (instantiatedIds.contains(id)) {
        throw new IllegalStateException(
            "Unable to set service factory with id "
                + id
                + ", service has already been instantiated");
      }
      if (!factory.service().multiton()) {
        if (!addedFactoryIds.add(id)) {
          throw new IllegalStateException("Duplicate service implementations provided for " + id);
        }
      }
      register(factory, source);
    }
  }

  /**
   * Instantiates the registered factories of {@code scope} that are eager: for root, those not
   * declared lazy; for plugin, those declared {@code ALWAYS}, for {@code pluginId}. As in
   * Backstage, the first factory of an id decides, and a ref's default factory never counts.
   */
  public void initializeEagerServicesWithScope(ServiceScope scope, String pluginId) {
    List<ServiceFactory<?>> firstFactories = new ArrayList<>();
    synchronized (lock) {
      providedFactories.values().forEach(list -> firstFactories.add(list.get(0).factory()));
    }
    for (ServiceFactory<?> factory : firstFactories) {
      if (factory.service().scope() == scope
          && factory.effectiveInitialization() == Initialization.ALWAYS) {
        resolve(factory.service(), pluginId);
      }
    }
  }

  /**
   * The instance of a singleton service for {@code pluginId} (ignored by root services), or null
   * when there is neither a registered factory nor a ref default factory.
   */
  public <T> T get(ServiceRef<T> ref, String pluginId) {
    if (ref.multiton()) {
      throw new IllegalArgumentException(ref + " is a multiton service, use getAll() to get it");
    }
    List<Object> instances = instantiate(ref, pluginId);
    return instances == null ? null : uncheckedCast(instances.get(0));
  }

  /** All instances of a multiton service, in factory registration order; empty when none. */
  public <T> List<T> getAll(ServiceRef<T> ref, String pluginId) {
    if (!ref.multiton()) {
      throw new IllegalArgumentException(ref + " is not a multiton service, use get() to get it");
    }
    List<Object> instances = instantiate(ref, pluginId);
    if (instances == null) {
      return List.of();
    }
    List<T> typed = new ArrayList<>(instances.size());
    instances.forEach(instance -> typed.add(uncheckedCast(instance)));
    return Collections.unmodifiableList(typed);
  }

  /** What a dependency on {@code ref} resolves to: the instance, or the list for a multiton. */
  public Object resolve(ServiceRef<?> ref, String pluginId) {
    return ref.multiton() ? getAll(ref, pluginId) : get(ref, pluginId);
  }

  /**
   * One entry per registered factory (a multiton id appears once per factory), in registration
   * order, after the built-in plugin metadata and followed by ref default factories loaded so far.
   */
  public List<ServiceInfo> describe() {
    List<ServiceInfo> infos = new ArrayList<>();
    infos.add(
        new ServiceInfo(
            PLUGIN_METADATA_ID, ServiceScope.PLUGIN, false, SOURCE_BUILT_IN, SOURCE_BUILT_IN));
    Set<String> registeredIds;
    synchronized (lock) {
      registeredIds = new HashSet<>(providedFactories.keySet());
      providedFactories.values().stream()
          .flatMap(List::stream)
          .forEach(r -> infos.add(infoOf(r.factory(), r.source())));
    }
    loadedDefaultFactories.forEach(
        (id, loaded) -> {
          ServiceFactory<?> factory = loaded.valueOrNull();
          if (factory != null && !registeredIds.contains(id)) {
            infos.add(infoOf(factory, SOURCE_REF_DEFAULT));
          }
        });
    return List.copyOf(infos);
  }

  /** What a {@link #replaceLive live factory change} affects. */
  public record LiveChange(Set<String> serviceIds, Set<String> pluginIds, boolean rootInstancesDropped) {
    public LiveChange {
      serviceIds = Set.copyOf(serviceIds);
      pluginIds = Set.copyOf(pluginIds);
    }
  }

  /**
   * The live path, beyond Backstage (whose registry is fixed at start): a core-service bundle was
   * updated, stopped or started after the root start. {@code next} becomes the factory for its id;
   * with {@code next} null the factory {@code gone} leaves and the id falls back to its default, if
   * there is one. Root instances made from the id's old factory, or from any factory that depends
   * on it (transitively), are forgotten, to be made anew. Plugin-scoped instances stay until their
   * plugin stops (its shutdown hooks are registered on them): the caller restarts the plugins named
   * in the result — all of them when a root instance was dropped, as a plugin's init may hold it.
   */
  public LiveChange replaceLive(String id, ServiceFactory<?> gone, ServiceFactory<?> next, String source) {
    Set<String> affected = new LinkedHashSet<>();
    boolean rootDropped = false;
    synchronized (lock) {
      List<Registration> current = providedFactories.getOrDefault(id, List.of());
      List<Registration> updated = new ArrayList<>(current);
      if (gone != null) {
        updated.removeIf(r -> r.factory() == gone);
      }
      boolean multiton = next != null ? next.service().multiton() : gone != null && gone.service().multiton();
      if (next != null) {
        if (!multiton) {
          updated.clear();
        }
        updated.add(new Registration(next, source));
        addedFactoryIds.add(id);
      } else if (!multiton && updated.isEmpty()) {
        addedFactoryIds.remove(id);
        Registration fallback = defaults.get(id);
        if (fallback != null) {
          updated.add(fallback);
        }
      }
      if (updated.isEmpty()) {
        providedFactories.remove(id);
      } else {
        providedFactories.put(id, List.copyOf(updated));
      }
      affected.add(id);
      boolean grew = true;
      while (grew) {
        grew = false;
        for (Map.Entry<String, List<Registration>> e : providedFactories.entrySet()) {
          if (affected.contains(e.getKey())) {
            continue;
          }
          for (Registration r : e.getValue()) {
            if (r.factory().deps().asList().stream().anyMatch(d -> affected.contains(d.id()))) {
              affected.add(e.getKey());
              grew = true;
              break;
            }
          }
        }
      }
      instantiatedIds.removeAll(affected);
    }
    rootDropped |= rootInstances.keySet().removeIf(f -> f == gone || affected.contains(f.service().id()));
    // A root context is made from its factory's root deps only: it stays when only plugin-scoped
    // services below it changed (the database bundle of core.auth's core.database, say), so that
    // what it holds (a plugin-scoped factory's shared state: mounted routes, keys) is not made twice.
    rootDropped |= rootContexts.keySet().removeIf(
        f -> f == gone || f.service().id().equals(id) || rootDepsAffected(f, affected));
    Set<String> plugins = new LinkedHashSet<>();
    pluginInstances.forEach((pluginId, instances) -> {
      if (instances.keySet().stream().anyMatch(f -> f == gone || affected.contains(f.service().id()))) {
        plugins.add(pluginId);
      }
    });
    return new LiveChange(affected, plugins, rootDropped);
  }

  private static boolean rootDepsAffected(ServiceFactory<?> factory, Set<String> affected) {
    for (Dependency<?> dependency : factory.deps()) {
      if (dependency instanceof ServiceRef<?> ref && ref.scope() == ServiceScope.ROOT && affected.contains(ref.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Forgets every plugin-scoped instance made for {@code pluginId}, so a restarted plugin gets new
   * ones. Root instances and root contexts are shared across plugins and stay.
   */
  public void disposePlugin(String pluginId) {
    pluginInstances.remove(orRoot(pluginId));
  }

  // ---- instantiation ------------------------------------------------------------------------

  /** The instances for every factory of {@code ref}, or null when it has no factory at all. */
  private List<Object> instantiate(ServiceRef<?> ref, String requestedPluginId) {
    String pluginId = orRoot(requestedPluginId);
    synchronized (lock) {
      instantiatedIds.add(ref.id());
    }
    if (PLUGIN_METADATA_ID.equals(ref.id())) {
      // Made fresh for each request, like Backstage's per-request metadata factory.
      return List.of(new BuiltInPluginMetadata(pluginId));
    }
    List<ServiceFactory<?>> factories = factoriesFor(ref);
    if (factories == null) {
      return null;
    }
    List<Object> instances = new ArrayList<>(factories.size());
    for (ServiceFactory<?> factory : factories) {
      instances.add(
          factory.service().scope() == ServiceScope.ROOT
              ? rootInstance(factory, ref, pluginId)
              : pluginInstance(factory, ref, pluginId));
    }
    return instances;
  }

  private List<ServiceFactory<?>> factoriesFor(ServiceRef<?> ref) {
    synchronized (lock) {
      List<Registration> registrations = providedFactories.get(ref.id());
      if (registrations != null) {
        return registrations.stream().<ServiceFactory<?>>map(Registration::factory).toList();
      }
    }
    if (ref.defaultFactory() == null) {
      return null;
    }
    return List.of(loadDefaultFactory(ref));
  }

  private <T> ServiceFactory<?> loadDefaultFactory(ServiceRef<T> ref) {
    Once<ServiceFactory<?>> loaded =
        loadedDefaultFactories.computeIfAbsent(
            ref.id(), id -> new Once<>("the default factory of '" + id + "'"));
    return loaded.get(
        () -> {
          try {
            ServiceFactory<T> factory = ref.defaultFactory().apply(ref);
            if (factory == null) {
              throw new IllegalStateException("the default factory loader returned no factory");
            }
            return factory;
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "Failed to instantiate service '"
                    + ref.id()
                    + "' because the default factory loader threw an error, "
                    + ErrorText.of(e),
                e);
          }
        });
  }

  private Object rootInstance(ServiceFactory<?> factory, ServiceRef<?> ref, String pluginId) {
    Once<Object> instance = rootInstances.get(factory);
    if (instance == null) {
      // Checked before anything is cached, so they are thrown again on every request.
      checkForMissingDeps(factory, pluginId);
      checkRootDepsAreRootScoped(factory, ref);
      instance =
          rootInstances.computeIfAbsent(
              factory, f -> new Once<>("'root' scoped service '" + ref.id() + "'"));
    }
    // Root factory errors reach the caller as they are, unlike plugin factory errors.
    return instance.get(() -> callFactory(factory, resolveDeps(factory, pluginId, false), null));
  }

  private Object pluginInstance(ServiceFactory<?> factory, ServiceRef<?> ref, String pluginId) {
    Once<Object> context = rootContexts.get(factory);
    if (context == null) {
      checkForMissingDeps(factory, pluginId);
      context =
          rootContexts.computeIfAbsent(
              factory, f -> new Once<>("the root context of service '" + ref.id() + "'"));
    }
    Once<Object> sharedContext = context;
    Once<Object> instance =
        pluginInstances
            .computeIfAbsent(pluginId, p -> new ConcurrentHashMap<>())
            .computeIfAbsent(
                factory,
                f -> new Once<>("service '" + ref.id() + "' for '" + pluginId + "'"));
    return instance.get(
        () -> {
          try {
            // As in Backstage, a failed root context also fails here, so its message nests.
            Object rootContext = sharedContext.get(() -> createRootContext(factory, ref, pluginId));
            return callFactory(factory, resolveDeps(factory, pluginId, true), rootContext);
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "Failed to instantiate service '"
                    + ref.id()
                    + "' for '"
                    + pluginId
                    + "' because the factory function threw an error, "
                    + ErrorText.of(e),
                e);
          }
        });
  }

  /** Resolves the root deps and creates the context; runs once per factory, for all plugins. */
  private Object createRootContext(ServiceFactory<?> factory, ServiceRef<?> ref, String pluginId) {
    try {
      // Root deps are resolved even without createRootContext, so their failures surface here.
      ResolvedDeps rootDeps = resolveDeps(factory, pluginId, false);
      ServiceFactory.RootContextFactory create = factory.createRootContext();
      return create == null ? null : create.create(rootDeps);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Failed to instantiate service '"
              + ref.id()
              + "' because createRootContext threw an error, "
              + ErrorText.of(e),
          e);
    }
  }

  private static Object callFactory(
      ServiceFactory<?> factory, ResolvedDeps deps, Object rootContext) {
    try {
      return factory.factory().create(deps, rootContext);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new UncheckedFactoryException(e);
    }
  }

  /** Resolves the deps of {@code factory}: all of them, or only the root-scoped ones. */
  private ResolvedDeps resolveDeps(
      ServiceFactory<?> factory, String pluginId, boolean includePluginScoped) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dependency<?> dependency : factory.deps()) {
      if (dependency instanceof ServiceRef<?> dep
          && (includePluginScoped || dep.scope() == ServiceScope.ROOT)) {
        values.put(dep.id(), resolve(dep, pluginId));
      }
    }
    return new MapResolvedDeps(values);
  }

  private void checkForMissingDeps(ServiceFactory<?> factory, String pluginId) {
    List<String> missing = new ArrayList<>();
    for (Dependency<?> dependency : factory.deps()) {
      if (!isAvailable(dependency)) {
        missing.add("'" + dependency.id() + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Failed to instantiate service '"
              + factory.service().id()
              + "' for '"
              + pluginId
              + "' because the following dependent services are missing: "
              + String.join(", ", missing));
    }
  }

  private boolean isAvailable(Dependency<?> dependency) {
    // A factory cannot consume extension points: they only exist inside a plugin's wiring.
    if (!(dependency instanceof ServiceRef<?> ref)) {
      return false;
    }
    if (PLUGIN_METADATA_ID.equals(ref.id()) || ref.multiton() || ref.defaultFactory() != null) {
      return true;
    }
    synchronized (lock) {
      return providedFactories.containsKey(ref.id());
    }
  }

  private static void checkRootDepsAreRootScoped(ServiceFactory<?> factory, ServiceRef<?> ref) {
    // All deps are checked before any is resolved, so this error wins over a failing dependency.
    for (Dependency<?> dependency : factory.deps()) {
      if (dependency instanceof ServiceRef<?> dep && dep.scope() != ServiceScope.ROOT) {
        throw new IllegalStateException(
            "Failed to instantiate 'root' scoped service '"
                + ref.id()
                + "' because it depends on '"
                + dep.scope()
                + "' scoped service '"
                + dep.id()
                + "'.");
      }
    }
  }

  // ---- registration -------------------------------------------------------------------------

  private void register(ServiceFactory<?> factory, String source) {
    String id = factory.service().id();
    Registration registration = new Registration(factory, source);
    synchronized (lock) {
      List<Registration> existing = providedFactories.get(id);
      if (factory.service().multiton() && existing != null) {
        List<Registration> appended = new ArrayList<>(existing);
        appended.add(registration);
        providedFactories.put(id, List.copyOf(appended));
      } else {
        providedFactories.put(id, List.of(registration));
      }
    }
  }

  private static void rejectPluginMetadataOverride(ServiceFactory<?> factory) {
    if (PLUGIN_METADATA_ID.equals(factory.service().id())) {
      throw new IllegalStateException(
          "The " + PLUGIN_METADATA_ID + " service cannot be overridden");
    }
  }

  private static ServiceInfo infoOf(ServiceFactory<?> factory, String source) {
    ServiceRef<?> ref = factory.service();
    return new ServiceInfo(
        ref.id(), ref.scope(), ref.multiton(), ImplementationNames.of(factory), source);
  }

  // Not Class.cast: a ref's type may be a raw generic or primitive class, as Backstage trusts T.
  @SuppressWarnings("unchecked")
  private static <T> T uncheckedCast(Object instance) {
    return (T) instance;
  }

  private static String orRoot(String pluginId) {
    return pluginId == null ? ROOT_PLUGIN_ID : pluginId;
  }

  private record Registration(ServiceFactory<?> factory, String source) {}

  /** The built-in {@code core.pluginMetadata} service. */
  private record BuiltInPluginMetadata(String pluginId) implements PluginMetadataService {
    @Override
    public String getId() {
      return pluginId;
    }
  }
}
