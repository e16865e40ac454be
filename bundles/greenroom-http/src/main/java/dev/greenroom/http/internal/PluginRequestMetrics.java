package dev.greenroom.http.internal;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.metrics.Observable;
import dev.greenroom.backend.api.metrics.ObservableCallback;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every plugin's requests, measured where a request leaves its plugin's slot, with no work from the
 * plugin's author: a count and a duration per plugin, method and status class, how many requests
 * had to wait for a (re)start, and at each scrape how many are held and how many run in the
 * plugin's handlers (docs/metrics.md lists the names).
 *
 * <p>The metrics service comes from {@code source} on each request: in OSGi the metrics bundle's
 * root service, tracked dynamically (null while that bundle is absent: nothing is measured). The
 * instruments are made again when it changes, and the observable callbacks leave the old one.
 */
public final class PluginRequestMetrics {
  static final String REQUESTS = "greenroom.plugin.requests";
  static final String DURATION = "greenroom.plugin.request.duration";
  static final String HELD = "greenroom.plugin.requests.held";
  static final String WAITING = "greenroom.plugin.requests.waiting";
  static final String ACTIVE = "greenroom.plugin.requests.active";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final String[] STATUS_CLASSES = {"1xx", "1xx", "2xx", "3xx", "4xx", "5xx"};

  /** Measures nothing: plain-Java backends that did not ask for metrics. */
  public static PluginRequestMetrics none() {
    return new PluginRequestMetrics(() -> null);
  }

  private final Supplier<? extends MetricsService> source;
  private volatile Supplier<Collection<PluginSlot>> slots = List::of;
  private volatile Instruments current = Instruments.NONE;

  /** Instruments of one metrics service, with the callbacks registered on it. */
  record Instruments(
      MetricsService of, Counter requests, Histogram duration, Counter held,
      Observable waiting, Observable active, ObservableCallback waitingNow, ObservableCallback activeNow) {
    static final Instruments NONE = new Instruments(null, null, null, null, null, null, null, null);

    void close() {
      if (waiting != null) {
        waiting.removeCallback(waitingNow);
        active.removeCallback(activeNow);
      }
    }
  }

  /** {@code source} gives the metrics service to measure with, or null for none. */
  public PluginRequestMetrics(Supplier<? extends MetricsService> source) {
    this.source = source;
  }

  /** The slots whose held and running requests are observed: set once by {@link PluginSlots}. */
  void observe(Supplier<Collection<PluginSlot>> slots) {
    this.slots = slots;
  }

  /**
   * A request left plugin {@code pluginId}'s slot with {@code status}, {@code nanos} after it
   * arrived; {@code wasHeld} if it waited for a start on the way. {@code m} is what {@link
   * #instruments()} gave when the request arrived: the answer may have reached the client before
   * this runs, and a request belongs to the metrics service that was there when it came.
   */
  void served(Instruments m, String pluginId, String method, int status, long nanos, boolean wasHeld) {
    if (m.of() == null) {
      return;
    }
    Map<String, String> labels = Map.of(
        "plugin", pluginId,
        "method", METHODS.contains(method) ? method : "other",
        "status_class", status >= 100 && status < 600 ? STATUS_CLASSES[status / 100] : "other");
    m.requests().add(1, labels);
    m.duration().record(nanos / 1e9, labels);
    if (wasHeld) {
      m.held().add(1, Map.of("plugin", pluginId));
    }
  }

  /** The instruments of the metrics service there now. */
  Instruments instruments() {
    MetricsService now = source.get();
    Instruments m = current;
    if (m.of() == now) {
      return m;
    }
    synchronized (this) {
      if (current.of() != now) {
        current.close();
        current = now == null ? Instruments.NONE : create(now);
      }
      return current;
    }
  }

  private Instruments create(MetricsService metrics) {
    Counter requests = metrics.createCounter(REQUESTS,
        MetricOptions.of("Requests served by each plugin, by method and status class", null));
    Histogram duration = metrics.createHistogram(DURATION,
        MetricOptions.of("Time from a request's arrival at the plugin's mount to its answer, holds included", "s"));
    Counter held = metrics.createCounter(HELD,
        MetricOptions.of("Requests that waited for the plugin's start or restart before being served", null));
    Observable waiting = metrics.createObservableGauge(WAITING,
        MetricOptions.of("Requests waiting now for the plugin's start or restart", null));
    Observable active = metrics.createObservableGauge(ACTIVE,
        MetricOptions.of("Requests in the plugin's handlers now (bounded by backend.server.pluginConcurrency)", null));
    ObservableCallback waitingNow = r -> slots.get().forEach(s -> r.observe(s.heldNow(), Map.of("plugin", s.pluginId())));
    ObservableCallback activeNow = r -> slots.get().forEach(s -> r.observe(s.admission().active(), Map.of("plugin", s.pluginId())));
    waiting.addCallback(waitingNow);
    active.addCallback(activeNow);
    return new Instruments(metrics, requests, duration, held, waiting, active, waitingNow, activeNow);
  }

  /** The backend stopped: the callbacks leave the metrics service (they reference the slots). */
  void close() {
    synchronized (this) {
      current.close();
      current = Instruments.NONE;
    }
  }
}
