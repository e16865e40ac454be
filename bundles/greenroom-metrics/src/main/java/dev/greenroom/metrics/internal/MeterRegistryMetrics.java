package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.metrics.PrometheusMetrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * The one registry of a backend: Micrometer's {@link PrometheusMeterRegistry} (Micrometer and the
 * Prometheus Java client are embedded in this bundle, see docs/metrics.md), the kind of each metric
 * name, and the observable instruments whose callbacks run at each scrape. Its own instruments are
 * the runtime's; {@link #forPlugin} gives a plugin's scope.
 */
public final class MeterRegistryMetrics extends Scope implements PrometheusMetrics {
  /** OpenTelemetry's instrument name syntax (opentelemetry-specification, metrics/api.md, "Instrument name syntax"). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-/]{0,254}");

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
  private final Set<ObservableInstrument> observables = new CopyOnWriteArraySet<>();
  /** The series of each metric name and scope, shared by every instrument created for them. */
  private final Map<String, Series<?>> series = new ConcurrentHashMap<>();
  private volatile LoggerService logger;

  public MeterRegistryMetrics() {
    super(Tags.empty(), "the runtime");
  }

  /**
   * Adds Micrometer's JVM and process meters ({@code jvm_memory_*}, {@code jvm_threads_*}, {@code
   * jvm_classes_*}, {@code process_cpu_usage}, {@code process_uptime_seconds}, ...). Not the GC
   * meters: they register JMX notification listeners, which would have to be removed when this
   * bundle stops. They are bound at the first scrape: setting up the JVM's management beans took
   * 50-100 ms of the launch's critical path, where the metrics bundle starts (issue 15, round 3);
   * their values are read at each scrape either way.
   */
  public MeterRegistryMetrics withJvmMetrics() {
    jvmMetricsWanted = true;
    return this;
  }

  private volatile boolean jvmMetricsWanted;
  private boolean jvmMetricsBound;

  private synchronized void bindJvmMetrics() {
    if (jvmMetricsWanted && !jvmMetricsBound) {
      jvmMetricsBound = true;
      new JvmMemoryMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
    }
  }

  @Override
  MeterRegistryMetrics root() {
    return this;
  }

  @Override
  public PluginScope forPlugin(String pluginId) {
    return new PluginScope(this, pluginId);
  }

  /** Where callback failures are logged; until set, they are only skipped. */
  public void useLogger(LoggerService logger) {
    this.logger = logger;
  }

  @Override
  public String scrape() {
    bindJvmMetrics();
    collect();
    return registry.scrape();
  }

  /** Runs the observable callbacks: one collection, one scrape at a time. */
  synchronized void collect() {
    for (ObservableInstrument o : observables) {
      try {
        o.collect();
      } catch (RuntimeException | LinkageError e) {
        LoggerService l = logger;
        if (l != null) {
          l.warn("Metric '" + o.name() + "' of " + o.owner() + ": an observable callback failed: " + e, e);
        }
      }
    }
  }

  /**
   * Claims {@code name} for {@code kind}: the same name always has the same kind, whoever asks.
   *
   * @throws IllegalArgumentException naming the metric, the owner and both kinds, or the bad name
   */
  void claim(String name, Kind kind, String owner) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid metric name '" + name + "' of " + owner
          + ": a name starts with a letter, then letters, digits, '_', '.', '-' or '/', at most 255 characters");
    }
    Kind existing = kinds.putIfAbsent(name, kind);
    if (existing != null && existing != kind) {
      throw new IllegalArgumentException(
          "Metric '" + name + "' is already a " + existing + "; " + owner + " cannot create it as a " + kind);
    }
  }

  /**
   * The series of metric {@code name} in the scope of {@code fixed}: two instruments created with
   * the same name (a second call, a restarted plugin) write the same series. {@link #claim} made
   * sure the name has one kind, hence one type of series.
   */
  @SuppressWarnings("unchecked")
  <S> Series<S> series(String name, Tags fixed, String owner) {
    return (Series<S>) series.computeIfAbsent(name + fixed, k -> new Series<>(registry, name, fixed, owner));
  }

  void add(ObservableInstrument o) {
    observables.add(o);
  }

  void remove(ObservableInstrument o) {
    observables.remove(o);
  }
}
