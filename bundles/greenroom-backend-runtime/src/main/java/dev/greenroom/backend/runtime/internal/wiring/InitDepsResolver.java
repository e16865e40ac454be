package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ExtensionPointFactoryContext;
import dev.greenroom.backend.api.ResolvedDeps;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.spi.ExtensionPointProvision;
import dev.greenroom.backend.runtime.internal.services.MapResolvedDeps;
import dev.greenroom.backend.runtime.internal.services.ServiceRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Resolves the deps of a plugin's or module's init: services from the registry, extension points
 * from the table, enforcing that extension points are used only by modules of their own plugin.
 */
final class InitDepsResolver {
  private final ServiceRegistry registry;
  private final ExtensionPointTable extensionPoints;

  InitDepsResolver(ServiceRegistry registry, ExtensionPointTable extensionPoints) {
    this.registry = registry;
    this.extensionPoints = extensionPoints;
  }

  /**
   * @param moduleId null for the plugin itself
   * @param lateModuleFailure receives (moduleId, error) from extension-point factories' {@code
   *     reportModuleStartupFailure}
   */
  ResolvedDeps resolve(
      Deps deps, String pluginId, String moduleId, BiConsumer<String, Throwable> lateModuleFailure) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<Dependency<?>> missing = new ArrayList<>();
    for (Dependency<?> dep : deps) {
      if (dep instanceof ExtensionPoint<?> ep) {
        ExtensionPointTable.Entry entry = extensionPoints.get(ep.id()).orElse(null);
        if (entry == null) {
          missing.add(ep);
          continue;
        }
        if (moduleId == null) {
          throw new IllegalStateException(
              "Rejected dependency on extension point " + ep.id() + " from outside of a module");
        }
        if (!entry.pluginId().equals(pluginId)) {
          throw new IllegalStateException(
              "Illegal dependency: Module '" + moduleId + "' for plugin '" + pluginId
                  + "' attempted to depend on extension point '" + ep.id() + "' for plugin '"
                  + entry.pluginId() + "'. Extension points can only be used within their plugin's scope.");
        }
        values.put(ep.id(), implementationFor(entry.provision(), moduleId, lateModuleFailure));
      } else if (dep instanceof ServiceRef<?> ref) {
        if (ref.multiton()) {
          values.put(ref.id(), registry.getAll(ref, pluginId));
          continue;
        }
        Object impl = registry.get(ref, pluginId);
        if (impl == null) {
          missing.add(ref);
        } else {
          values.put(ref.id(), impl);
        }
      }
    }
    if (!missing.isEmpty()) {
      String target = moduleId == null
          ? "plugin '" + pluginId + "'"
          : "module '" + moduleId + "' for plugin '" + pluginId + "'";
      throw new IllegalStateException(
          "Service or extension point dependencies of " + target + " are missing for the following ref(s): "
              + missing.stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    return new MapResolvedDeps(values);
  }

  private static Object implementationFor(
      ExtensionPointProvision provision, String moduleId, BiConsumer<String, Throwable> lateModuleFailure) {
    if (provision.impl() != null) {
      return provision.impl();
    }
    return provision.factory().create(new ExtensionPointFactoryContext() {
      @Override
      public String moduleId() {
        return moduleId;
      }

      @Override
      public void reportModuleStartupFailure(Throwable error) {
        lateModuleFailure.accept(moduleId, error);
      }
    });
  }
}
