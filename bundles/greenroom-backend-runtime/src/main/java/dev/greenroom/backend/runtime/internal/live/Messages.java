package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.runtime.internal.ErrorText;

/**
 * The texts the live runtime writes about a plugin. The duplicate messages start with Backstage's
 * verbatim {@code Plugin '<id>' is already registered} / {@code Module '<mid>' for plugin '<pid>'
 * is already registered} and go on to name both bundles.
 */
public final class Messages {
  private Messages() {}

  static String moduleNeverRegistered(String pluginId, Declaration d, long timeoutMillis) {
    return "Module '" + d.moduleId() + "' for plugin '" + pluginId + "' was declared by bundle " + d.bundleName()
        + " but its BackendFeature service was not registered within " + timeoutMillis + " ms" + problem(d);
  }

  static String pluginNeverRegistered(String pluginId, Declaration d, long timeoutMillis) {
    return "Plugin '" + pluginId + "' was declared by bundle " + d.bundleName()
        + " but its BackendFeature service was not registered within " + timeoutMillis + " ms" + problem(d);
  }

  static String shadowed(Contribution kept, Contribution refused) {
    String head = kept.isModule()
        ? "Module '" + kept.moduleId() + "' for plugin '" + kept.pluginId() + "' is already registered"
        : "Plugin '" + kept.pluginId() + "' is already registered";
    return head + "; bundle " + refused.bundleName() + " was refused, bundle " + kept.bundleName() + " keeps it";
  }

  /** A hung init: names the module (or the plugin) whose init had not returned. */
  public static String initTimedOut(String pluginId, String moduleId, long timeoutMillis) {
    String who = moduleId == null ? "Plugin '" + pluginId + "'" : "Module '" + moduleId + "' for plugin '" + pluginId + "'";
    return who + " init timed out after " + timeoutMillis + " ms (backend.startup.initTimeout)";
  }

  static String summary(PluginRun run) {
    if (run.error() != null) {
      return ErrorText.of(run.error());
    }
    return "init finished";
  }

  private static String problem(Declaration d) {
    return d.problem() == null ? "" : ": " + d.problem();
  }
}
