package dev.greenroom.metrics.internal;

/** The kinds of instrument of Backstage's MetricsService; one metric name has one kind. */
enum Kind {
  COUNTER("counter"),
  UP_DOWN_COUNTER("up-down counter"),
  HISTOGRAM("histogram"),
  GAUGE("gauge"),
  OBSERVABLE_COUNTER("observable counter"),
  OBSERVABLE_UP_DOWN_COUNTER("observable up-down counter"),
  OBSERVABLE_GAUGE("observable gauge");

  private final String text;

  Kind(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
