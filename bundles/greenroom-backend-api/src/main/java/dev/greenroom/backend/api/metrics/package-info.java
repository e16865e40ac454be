/**
 * The metrics service for plugin authors, in the shape of Backstage's alpha {@code MetricsService}
 * (packages/backend-plugin-api/src/alpha/MetricsService.ts in backstage/backstage): counters,
 * up-down counters, histograms, gauges and their observable (callback) forms, OpenTelemetry-like,
 * each measurement with optional attributes. A plugin gets it by {@link
 * dev.greenroom.backend.api.metrics.MetricsRefs#METRICS}; the runtime's core-service bundles measure
 * through {@link dev.greenroom.backend.api.metrics.RootMetricsService} when one is registered
 * (docs/metrics.md).
 */
@Export
@Version("1.0.0")
package dev.greenroom.backend.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
