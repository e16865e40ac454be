package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/** A plugin's lifecycle: hooks run after its init, and when it stops. */
@ProviderType
public interface LifecycleService {
  void addStartupHook(LifecycleHook hook);

  /** As above; failures of this hook are logged to {@code logger}. */
  void addStartupHook(LifecycleHook hook, LoggerService logger);

  void addShutdownHook(LifecycleHook hook);

  void addShutdownHook(LifecycleHook hook, LoggerService logger);
}
