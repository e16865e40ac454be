package dev.greenroom.backend.api.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that this bundle registers service factories ({@code ServiceFactory} as a {@code
 * BackendFeature} service) for the core services {@link #value()}, such as {@code
 * core.rootHttpRouter}. Generates {@code Provide-Capability: greenroom.service;
 * greenroom.service.id:List<String>="..."}: the runtime waits for those factories (bounded by
 * {@code greenroom.module.timeout}) before it starts the root services, so a launch never races
 * the bundle that implements them.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Capability(
    namespace = FeatureNamespace.SERVICE_NAMESPACE,
    attribute = FeatureNamespace.SERVICE_ID + ":List<String>=\"${#value}\"")
@Requirement(
    namespace = "osgi.extender",
    name = FeatureNamespace.EXTENDER,
    version = FeatureNamespace.EXTENDER_VERSION)
public @interface GreenroomServices {
  /** The ids of the service refs this bundle provides factories for. */
  String[] value();
}
