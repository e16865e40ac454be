package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.spi.DefaultExport;
import dev.greenroom.backend.runtime.internal.ErrorText;
import dev.greenroom.backend.runtime.internal.services.MapResolvedDeps;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies feature loaders, depth-first: a loader's nested loaders run after its other features
 * were added. Loader-provided singleton factories never override an explicit {@code add}, and two
 * loaders providing the same singleton id conflict.
 */
final class FeatureLoaderRunner {
  private final ServiceRegistry registry;
  private final Consumer<BackendFeature> addFeature;
  private final Map<String, BackendFeatureLoader> servicesAddedByLoaders = new HashMap<>();

  FeatureLoaderRunner(ServiceRegistry registry, Consumer<BackendFeature> addFeature) {
    this.registry = registry;
    this.addFeature = addFeature;
  }

  void apply(List<BackendFeatureLoader> loaders) {
    for (BackendFeatureLoader loader : loaders) {
      Map<String, Object> deps = resolveDeps(loader);
      List<BackendFeature> produced = load(loader, deps);
      boolean addedServiceFactory = false;
      List<BackendFeatureLoader> nested = new ArrayList<>();
      for (BackendFeature feature : produced) {
        if (feature instanceof BackendFeatureLoader l) {
          nested.add(l);
        } else if (feature instanceof ServiceFactory<?> f && !f.service().multiton()) {
          BackendFeatureLoader conflicting = servicesAddedByLoaders.get(f.service().id());
          if (conflicting != null) {
            throw new IllegalStateException(
                "Duplicate service implementations provided for " + f.service().id() + " by both feature loader "
                    + loader.description() + " and feature loader " + conflicting.description());
          }
          // an explicit backend.add(factory) wins: the loader's factory is ignored, no error
          if (!registry.hasBeenAdded(f.service())) {
            addedServiceFactory = true;
            servicesAddedByLoaders.put(f.service().id(), loader);
            addFeature.accept(feature);
          }
        } else {
          addFeature.accept(feature);
        }
      }
      if (addedServiceFactory) {
        registry.checkForCircularDeps();
      }
      if (!nested.isEmpty()) {
        apply(nested);
      }
    }
  }

  private Map<String, Object> resolveDeps(BackendFeatureLoader loader) {
    Map<String, Object> deps = new LinkedHashMap<>();
    List<Dependency<?>> missing = new ArrayList<>();
    for (Dependency<?> dep : loader.deps()) {
      ServiceScope scope = dep instanceof ServiceRef<?> ref ? ref.scope() : ServiceScope.PLUGIN;
      if (scope != ServiceScope.ROOT) {
        throw new IllegalStateException(
            "Feature loaders can only depend on root scoped services, but '" + dep.id() + "' is scoped to '"
                + scope + "'. Offending loader is " + loader.description());
      }
      ServiceRef<?> ref = (ServiceRef<?>) dep;
      Object impl = ref.multiton() ? registry.getAll(ref, "root") : registry.get(ref, "root");
      if (impl == null) {
        missing.add(ref);
      } else {
        deps.put(ref.id(), impl);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "No service available for the following ref(s): "
              + missing.stream().map(Object::toString).collect(Collectors.joining(", "))
              + ", depended on by feature loader " + loader.description());
    }
    return deps;
  }

  private static List<BackendFeature> load(BackendFeatureLoader loader, Map<String, Object> deps) {
    // Iterating the result and checking its items is part of the loader, as upstream's
    // createBackendFeatureLoader does it inside loader(): a failing generator or an invalid item is
    // forwarded as the loader's failure.
    List<BackendFeature> produced = new ArrayList<>();
    try {
      Iterable<?> items = loader.loader().load(new MapResolvedDeps(deps));
      if (items != null) {
        for (Object item : items) {
          Object value = item;
          for (int i = 0; i < 2 && value instanceof DefaultExport d; i++) {
            value = d.getDefault();
          }
          if (!(value instanceof BackendFeature feature)) {
            throw new IllegalArgumentException("Invalid item \"" + item + "\"");
          }
          produced.add(feature);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Feature loader " + loader.description() + " failed; caused by " + ErrorText.of(e), e);
    }
    List<BackendFeature> out = new ArrayList<>(produced.size());
    for (BackendFeature feature : produced) {
      out.add(FeatureUnwrapper.validate(feature));
    }
    return out;
  }
}
