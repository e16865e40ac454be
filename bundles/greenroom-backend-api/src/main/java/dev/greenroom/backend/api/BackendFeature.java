package dev.greenroom.backend.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Something a backend accepts: a plugin ({@link BackendPlugin}), a module ({@link BackendModule}),
 * a service factory ({@link ServiceFactory}) or a feature loader ({@link BackendFeatureLoader}). A
 * bundle contributes a feature by registering it as an OSGi service under this interface (a DS
 * {@code @Component(service = BackendFeature.class)}); a plain-Java backend takes it in {@code
 * Backend.add}.
 *
 * <p>Authors create features through those four types and never implement this interface
 * themselves: what the runtime reads of a feature is in {@code dev.greenroom.backend.api.spi}.
 */
@ProviderType
public interface BackendFeature {}
