package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/** The backend's whole configuration, read from {@code app-config.yaml} and friends. */
@ProviderType
public interface RootConfigService extends Config {}
