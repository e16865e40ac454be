package dev.greenroom.backend.api.annotations;

/** Names used in the {@code greenroom.feature} capability and in feature service properties. */
public final class FeatureNamespace {
  private FeatureNamespace() {}

  /** The capability namespace a plugin or module bundle provides. */
  public static final String NAMESPACE = "greenroom.feature";

  /** Attribute and service property: the plugin id. */
  public static final String PLUGIN_ID = "greenroom.plugin.id";

  /** Attribute and service property: the module id (modules only). */
  public static final String MODULE_ID = "greenroom.module.id";

  /** Service property on extension-point services: the extension point id. */
  public static final String EXTENSION_POINT = "greenroom.extension.point";

  /** The capability namespace of a bundle that provides core-service factories. */
  public static final String SERVICE_NAMESPACE = "greenroom.service";

  /** Attribute of {@link #SERVICE_NAMESPACE}: the ids of the services provided (a list). */
  public static final String SERVICE_ID = "greenroom.service.id";

  /** The extender name the runtime provides and feature bundles require. */
  public static final String EXTENDER = "greenroom.backend";

  /** The extender version. */
  public static final String EXTENDER_VERSION = "0.1.0";
}
