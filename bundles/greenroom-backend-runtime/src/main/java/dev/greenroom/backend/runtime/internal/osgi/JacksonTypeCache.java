package dev.greenroom.backend.runtime.internal.osgi;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Jackson's shared {@link TypeFactory#defaultInstance()} caches up to 200 resolved types keyed
 * by their {@code Class}: every {@code new ObjectMapper()} (the HTTP router's included) uses it, so
 * a plugin that wrote or read a body of its own type kept its class loader reachable after its
 * bundle was uninstalled and refreshed, until 200 other types evicted it (SoakIT found it). The
 * cache is emptied whenever a bundle becomes unresolved; it refills on demand.
 */
final class JacksonTypeCache implements BundleListener {
  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() == BundleEvent.UNRESOLVED) {
      TypeFactory.defaultInstance().clearCache();
    }
  }
}
