package dev.greenroom.backend.api.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that this bundle contributes the backend plugin {@link #id()}. Put it on the class that
 * registers the plugin's {@code BackendFeature} service. Generates {@code Provide-Capability:
 * greenroom.feature;greenroom.plugin.id=<id>} and a requirement on the Greenroom runtime.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Capability(
    namespace = FeatureNamespace.NAMESPACE,
    attribute = FeatureNamespace.PLUGIN_ID + "=${#id}")
@Requirement(
    namespace = "osgi.extender",
    name = FeatureNamespace.EXTENDER,
    version = FeatureNamespace.EXTENDER_VERSION)
public @interface GreenroomPlugin {
  String id();
}
