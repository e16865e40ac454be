package dev.greenroom.frontend.runtime.internal;

import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.runtime.FrontendApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app as it is now: the installed frontend features (keyed, so a departing service removes
 * exactly its own feature) and the current {@code app.extensions}. Every change builds a new
 * immutable {@link FrontendApp} and swaps it in atomically, so a request renders either the old or
 * the new tree, never a half-built one. Plain Java: the OSGi whiteboard and the config subscription
 * only call {@link #add}, {@link #remove} and {@link #appExtensions}.
 */
public final class LiveFrontendApp {
  // Ordered by key (the OSGi service id = registration order), so the feature order - and with it
  // the extension order of upstream's resolveAppNodeSpecs.ts - does not depend on the order trackers happen to be notified in.
  private final Map<Long, FrontendFeature> features = new TreeMap<>();
  private Object appExtensions;
  private final AtomicReference<FrontendApp> current = new AtomicReference<>();
  private long generation;

  public LiveFrontendApp() {
    current.set(build());
  }

  /** The app the next request renders. */
  public FrontendApp current() {
    return current.get();
  }

  /** How many times the app has been rebuilt (0 for the initial one). */
  public synchronized long generation() {
    return generation;
  }

  public synchronized void add(long key, FrontendFeature feature) {
    features.put(key, Objects.requireNonNull(feature, "feature"));
    rebuild();
  }

  public synchronized void remove(long key) {
    if (features.remove(key) != null) {
      rebuild();
    }
  }

  /** Sets {@code app.extensions} (a List/Map from config, or null); rebuilds only when it changed. */
  public synchronized void appExtensions(Object value) {
    if (!Objects.equals(appExtensions, value)) {
      appExtensions = value;
      rebuild();
    }
  }

  /** The installed features, in app order. */
  public synchronized List<FrontendFeature> features() {
    return List.copyOf(features.values());
  }

  private void rebuild() {
    current.set(build());
    generation++;
  }

  private FrontendApp build() {
    return FrontendApp.builder().features(new ArrayList<>(features.values())).appExtensions(appExtensions).build();
  }
}
