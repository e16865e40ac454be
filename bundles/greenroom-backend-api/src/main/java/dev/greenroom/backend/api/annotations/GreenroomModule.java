package dev.greenroom.backend.api.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that this bundle contributes module {@link #moduleId()} of plugin {@link #pluginId()}.
 * Generates the {@code greenroom.feature} capability and an {@code effective:=active} requirement
 * on the plugin: the bnd resolver pulls the plugin into a launch profile, while the framework still
 * resolves the module alone (a module whose plugin is absent is ignored, not an error).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
// ids go in explicit attribute clauses: an @Attribute element would also be copied onto every
// requirement clause of this annotation
@Capability(
    namespace = FeatureNamespace.NAMESPACE,
    attribute = {
      FeatureNamespace.PLUGIN_ID + "=${#pluginId}",
      FeatureNamespace.MODULE_ID + "=${#moduleId}"
    })
@Requirement(
    namespace = FeatureNamespace.NAMESPACE,
    filter = "(&(" + FeatureNamespace.PLUGIN_ID + "=${#pluginId})(!(" + FeatureNamespace.MODULE_ID + "=*)))",
    effective = "active")
@Requirement(
    namespace = "osgi.extender",
    name = FeatureNamespace.EXTENDER,
    version = FeatureNamespace.EXTENDER_VERSION)
public @interface GreenroomModule {
  String pluginId();

  String moduleId();
}
