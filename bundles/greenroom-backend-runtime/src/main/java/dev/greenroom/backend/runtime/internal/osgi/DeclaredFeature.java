package dev.greenroom.backend.runtime.internal.osgi;

import org.osgi.framework.Bundle;

/**
 * What a bundle's {@code greenroom.feature} capability promises: a plugin ({@code moduleId} null)
 * or a module of {@code pluginId}.
 */
record DeclaredFeature(String pluginId, String moduleId, Bundle bundle) {
  boolean isModule() {
    return moduleId != null;
  }
}
