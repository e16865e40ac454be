package dev.greenroom.backend.api.metrics;

/** {@link MetricsService#noop()}: every instrument ignores what it is given. */
final class NoopMetrics implements RootMetricsService {
  static final NoopMetrics INSTANCE = new NoopMetrics();
  private static final Observable OBSERVABLE = new Observable() {
    @Override
    public void addCallback(ObservableCallback callback) {}

    @Override
    public void removeCallback(ObservableCallback callback) {}
  };

  private NoopMetrics() {}

  @Override
  public MetricsService forPlugin(String pluginId) {
    return this;
  }

  @Override
  public Counter createCounter(String name, MetricOptions options) {
    return (value, attributes) -> {};
  }

  @Override
  public UpDownCounter createUpDownCounter(String name, MetricOptions options) {
    return (value, attributes) -> {};
  }

  @Override
  public Histogram createHistogram(String name, MetricOptions options) {
    return (value, attributes) -> {};
  }

  @Override
  public Gauge createGauge(String name, MetricOptions options) {
    return (value, attributes) -> {};
  }

  @Override
  public Observable createObservableCounter(String name, MetricOptions options) {
    return OBSERVABLE;
  }

  @Override
  public Observable createObservableUpDownCounter(String name, MetricOptions options) {
    return OBSERVABLE;
  }

  @Override
  public Observable createObservableGauge(String name, MetricOptions options) {
    return OBSERVABLE;
  }
}
