package dev.greenroom.backend.api.services;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Built in: the plugins and modules installed in this backend instance. */
@ProviderType
public interface RootInstanceMetadataService {
  /** Unmodifiable, in registration order; modules without an installed plugin are left out. */
  List<InstalledPlugin> getInstalledPlugins();

  /** One installed plugin. */
  record InstalledPlugin(String pluginId, List<InstalledModule> modules) {
    public InstalledPlugin {
      modules = List.copyOf(modules);
    }
  }

  /** One installed module. */
  record InstalledModule(String moduleId) {}
}
