package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds the base URLs of backend plugins, this one included. Backstage's {@code DiscoveryService}
 * ({@code core.discovery}): by default {@code http://<host>:<port>/api/<pluginId>} internally and
 * {@code <backend.baseUrl>/api/<pluginId>} externally, overridable per plugin by {@code
 * discovery.endpoints}. Call it just before each request rather than caching the result.
 */
@ProviderType
public interface DiscoveryService {
  /**
   * The internal base URL of {@code pluginId}, without a trailing slash, for service-to-service
   * calls inside the deployment (for example {@code http://10.1.2.3:7007/api/catalog}).
   */
  String getBaseUrl(String pluginId);

  /**
   * The external base URL of {@code pluginId}, without a trailing slash, reachable from the
   * frontend and outside callers; usable for callbacks and webhooks.
   */
  String getExternalBaseUrl(String pluginId);
}
