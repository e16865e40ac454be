package dev.greenroom.backend.runtime.internal.live;

/**
 * A bundle's promise to contribute a plugin ({@code moduleId} null) or a module of {@code
 * pluginId}: its {@code greenroom.feature} capability. {@code problem} says why it may never keep
 * the promise (a requirement it cannot resolve), or is null.
 */
public record Declaration(String pluginId, String moduleId, long bundleId, String bundleName, String problem) {
  public boolean isModule() {
    return moduleId != null;
  }

  String key() {
    return key(bundleId, moduleId);
  }

  /** The key of what bundle {@code bundleId} declares for module {@code moduleId} (null: the plugin). */
  static String key(long bundleId, String moduleId) {
    return bundleId + "/" + (moduleId == null ? "" : moduleId);
  }
}
