package dev.greenroom.backend.api;

import org.osgi.annotation.versioning.ProviderType;

/** What a plugin's or module's {@code register} callback may do. */
@ProviderType
public interface RegistrationPoints {
  /** Offers {@code impl} to the modules of the same plugin. Must come before registerInit. */
  <T> void registerExtensionPoint(ExtensionPoint<T> ref, T impl);

  /**
   * Offers an implementation made per consuming module (Backstage's {@code { extensionPoint,
   * factory }} form). Must come before registerInit.
   */
  <T> void registerExtensionPointFactory(ExtensionPoint<T> ref, ExtensionPointFactory<T> factory);

  /** Declares the init and its deps; must be called exactly once. */
  void registerInit(Deps deps, Init init);
}
