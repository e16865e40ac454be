package dev.greenroom.backend.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a backend accepts: a plugin, a module, a service factory or a feature loader. In
 * Greenroom a bundle contributes features by registering them as OSGi services under this
 * interface.
 */
@ConsumerType
public interface BackendFeature {
  /** The tag every feature carries. */
  String TYPE = "@backstage/BackendFeature";

  /** The feature format this API version produces. */
  String VERSION = "v1";

  default String type() {
    return TYPE;
  }

  default String version() {
    return VERSION;
  }

  FeatureType featureType();
}
