package dev.greenroom.backend.runtime.internal.osgi;

import org.osgi.framework.Bundle;

/**
 * What a bundle's {@code greenroom.feature} capability promises: a plugin ({@code moduleId} null)
 * or a module of {@code pluginId}. A null {@code bundle} marks a malformed capability that still
 * named a valid plugin id: tracked only so the plugin's diagnosis forgets it with the bundle.
 */
record DeclaredFeature(String pluginId, String moduleId, Bundle bundle) {
  boolean isModule() {
    return moduleId != null;
  }
}
