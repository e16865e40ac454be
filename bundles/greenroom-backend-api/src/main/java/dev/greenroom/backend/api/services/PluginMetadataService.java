package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/** Built in: tells a plugin-scoped service which plugin it serves. Cannot be overridden. */
@ProviderType
public interface PluginMetadataService {
  String getId();
}
