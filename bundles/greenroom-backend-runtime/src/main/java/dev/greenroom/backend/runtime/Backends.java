package dev.greenroom.backend.runtime;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.wiring.BackendInitializer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Creates backends, Backstage's {@code createSpecializedBackend} and {@code createBackend}. */
public final class Backends {
  private Backends() {}

  /**
   * A backend with exactly these default service factories (overridable by {@code add}).
   *
   * @throws IllegalArgumentException on two defaults for one singleton id, or a pluginMetadata
   *     default
   */
  public static Backend createSpecializedBackend(List<ServiceFactory<?>> defaultServiceFactories) {
    Set<String> exists = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (ServiceFactory<?> f : defaultServiceFactories) {
      if (f.service().multiton()) {
        continue;
      }
      if (!exists.add(f.service().id())) {
        duplicates.add(f.service().id());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException(
          "Duplicate service implementations provided for " + String.join(", ", duplicates));
    }
    if (exists.contains(CoreServices.PLUGIN_METADATA.id())) {
      throw new IllegalArgumentException(
          "The " + CoreServices.PLUGIN_METADATA.id() + " service cannot be overridden");
    }
    return new BackendInitializer(defaultServiceFactories);
  }

  /**
   * A backend with the runtime's own defaults: an empty config, a console logger, the lifecycles.
   * Each core-service family is its own bundle and adds its factories: for {@code app-config.yaml}
   * as Backstage reads it, {@code backend.add(RootConfigFactory.create(RootConfigOptions...))} from
   * greenroom-config (docs/config.md); in OSGi they come from the service registry.
   */
  public static Backend createBackend() {
    return createSpecializedBackend(DefaultServiceFactories.bare());
  }
}
