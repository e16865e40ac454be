package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.RegistrationsFeature;
import org.osgi.framework.Bundle;

/** A plugin or module feature service: the feature, its ids, the bundle and the service id. */
record Contribution(RegistrationsFeature feature, String pluginId, String moduleId, Bundle bundle, long serviceId) {
  boolean isModule() {
    return moduleId != null;
  }

  String bundleName() {
    return BundleNames.of(bundle);
  }
}
