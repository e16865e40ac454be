package dev.greenroom.backend.runtime.internal.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.spi.DefaultExport;
import dev.greenroom.backend.api.spi.InternalBackendFeature;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Turns what was passed to {@code add()} into a valid {@link BackendFeature}: awaits futures,
 * unwraps default exports (twice, for CJS-style nesting), checks the feature tag and version.
 */
public final class FeatureUnwrapper {
  /** Loaded only when an invalid feature must be described: Jackson stays off the start path. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  private FeatureUnwrapper() {}

  static BackendFeature unwrap(Object added) {
    Object value = await(added);
    for (int i = 0; i < 2 && value instanceof DefaultExport d; i++) {
      value = d.getDefault();
    }
    if (value instanceof BackendFeature feature) {
      return validate(feature);
    }
    throw new IllegalArgumentException("Failed to add feature, invalid feature " + describe(value));
  }

  /** Checks the feature tag and version (Backstage's messages); returns the feature. */
  public static BackendFeature validate(BackendFeature added) {
    if (!(added instanceof InternalBackendFeature feature)) {
      throw new IllegalArgumentException("Failed to add feature, invalid feature " + describe(added));
    }
    if (!InternalBackendFeature.TYPE.equals(feature.type())) {
      throw new IllegalArgumentException("Invalid BackendFeature, bad type '" + feature.type() + "'");
    }
    if (!InternalBackendFeature.VERSION.equals(feature.version())) {
      throw new IllegalArgumentException("Invalid BackendFeature, bad version '" + feature.version() + "'");
    }
    if (feature.featureType() == null) {
      throw new IllegalArgumentException("Failed to add feature, invalid feature " + describe(feature));
    }
    return feature;
  }

  private static Object await(Object value) {
    try {
      if (value instanceof CompletionStage<?> stage) {
        return stage.toCompletableFuture().get();
      }
      if (value instanceof Future<?> future) {
        return future.get();
      }
      return value;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a feature", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** JSON.stringify-like rendering of an invalid feature, for the error message. */
  static String describe(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }
}
