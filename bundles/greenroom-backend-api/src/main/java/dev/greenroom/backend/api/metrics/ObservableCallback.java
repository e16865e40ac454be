package dev.greenroom.backend.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reports an observable instrument's values at a collection, Backstage's {@code ObservableCallback}.
 * It should be quick: it runs on the scraping request's thread. An exception is logged and the
 * collection goes on without its values.
 */
@ConsumerType
@FunctionalInterface
public interface ObservableCallback {
  /** Reports the current values through {@code result}. */
  void observe(ObservableResult result);
}
