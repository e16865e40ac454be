package dev.greenroom.backend.runtime.state;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the runtime, with service property {@code greenroom.plugin.id}, while a plugin is
 * running. A DS component that needs a plugin up can depend on it: {@code @Reference(target =
 * "(greenroom.plugin.id=catalog)") PluginReady catalog}.
 */
@ProviderType
public interface PluginReady {
  String pluginId();
}
