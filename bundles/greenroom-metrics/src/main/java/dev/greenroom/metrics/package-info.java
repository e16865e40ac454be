/**
 * Greenroom's metrics in plain Java: {@link dev.greenroom.metrics.PrometheusMetrics} (the registry)
 * and {@link dev.greenroom.metrics.MetricsServiceFactories} (the {@code alpha.core.metrics} factory
 * and the {@code metrics} plugin serving the Prometheus endpoint), the same ones the OSGi bundle
 * registers. docs/metrics.md lists every metric.
 */
@Export
@Version("0.1.0")
package dev.greenroom.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
