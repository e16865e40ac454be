package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/** TODO fleshed out by the services-API helper. */
@ProviderType
public interface UrlReaderService {}
