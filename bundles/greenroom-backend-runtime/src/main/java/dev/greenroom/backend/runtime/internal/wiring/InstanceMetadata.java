package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledModule;
import dev.greenroom.backend.api.services.RootInstanceMetadataService.InstalledPlugin;
import dev.greenroom.backend.api.services.RootInstanceMetadataService;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in {@code core.rootInstanceMetadata} factory. Built from its own register pass (before
 * enumeration, as upstream does): plugins and their modules in registration order; modules whose
 * plugin is not installed are left out.
 */
final class InstanceMetadata {
  private InstanceMetadata() {}

  static ServiceFactory<RootInstanceMetadataService> factory(List<RegistrationsFeature> features) {
    Set<String> pluginOrder = new LinkedHashSet<>();
    Map<String, List<InstalledModule>> modules = new LinkedHashMap<>();
    for (RegistrationsFeature feature : features) {
      for (Registration r : feature.getRegistrations()) {
        List<InstalledModule> ofPlugin = modules.computeIfAbsent(r.pluginId(), k -> new ArrayList<>());
        if (r.isModule()) {
          ofPlugin.add(new InstalledModule(r.moduleId()));
        } else {
          pluginOrder.add(r.pluginId());
        }
      }
    }
    List<InstalledPlugin> plugins = new ArrayList<>();
    for (String pluginId : pluginOrder) {
      plugins.add(new InstalledPlugin(pluginId, modules.get(pluginId)));
    }
    List<InstalledPlugin> frozen = List.copyOf(plugins);
    RootInstanceMetadataService service = () -> frozen;
    return ServiceFactory.of(CoreServices.ROOT_INSTANCE_METADATA).factory(deps -> service);
  }
}
