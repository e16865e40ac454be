package dev.greenroom.backend.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The root metrics service, after Backstage's alpha {@code RootMetricsService}
 * (packages/backend-plugin-api/src/alpha/RootMetricsService.ts in backstage/backstage): its own
 * instruments are the runtime's ({@code greenroom.*} names, no plugin label added), and {@link
 * #forPlugin} gives the plugin-scoped service. The metrics bundle registers it as an OSGi service;
 * the HTTP, database and scheduler bundles look it up dynamically and measure nothing while it is
 * absent (docs/metrics.md).
 */
@ProviderType
public interface RootMetricsService extends MetricsService {
  /** The metrics service of plugin {@code pluginId}: its measurements carry {@code plugin=<pluginId>}. */
  MetricsService forPlugin(String pluginId);
}
