package dev.greenroom.backend.api;

import org.osgi.annotation.versioning.ProviderType;

/** What an {@link ExtensionPointFactory} learns about the consuming module. */
@ProviderType
public interface ExtensionPointFactoryContext {
  /** The consuming module's id. */
  String moduleId();

  /**
   * Marks the consuming module as failed after the fact; call it before the provider's init
   * returns.
   */
  void reportModuleStartupFailure(Throwable error);
}
