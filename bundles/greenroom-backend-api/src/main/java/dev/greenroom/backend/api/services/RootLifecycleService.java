package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The backend's lifecycle: startup hooks run once every plugin has started, before-shutdown hooks
 * first on stop (readiness turns 503 there), shutdown hooks after every plugin's.
 */
@ProviderType
public interface RootLifecycleService extends LifecycleService {
  void addBeforeShutdownHook(LifecycleHook hook);
}
