package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.PluginStartupResult;
import dev.greenroom.backend.runtime.internal.ErrorText;

/** Builds Backstage's BackendStartupError from a failed startup result. */
public final class StartupErrors {
  private StartupErrors() {}

  public static BackendStartupError toError(BackendStartupResult result) {
    StringBuilder message = new StringBuilder("Backend startup failed due to the following errors:");
    for (PluginStartupResult plugin : result.plugins()) {
      if (plugin.failure() != null && !plugin.failure().allowed()) {
        message.append("\n  Plugin '").append(plugin.pluginId()).append("' startup failed; caused by ")
            .append(ErrorText.of(plugin.failure().error()));
      }
      for (ModuleStartupResult module : plugin.modules()) {
        if (module.failure() != null && !module.failure().allowed()) {
          message.append("\n  Module '").append(module.moduleId()).append("' for plugin '")
              .append(plugin.pluginId()).append("' startup failed; caused by ")
              .append(ErrorText.of(module.failure().error()));
        }
      }
    }
    return new BackendStartupError(message.toString(), result);
  }
}
