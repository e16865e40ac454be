package dev.greenroom.auth.node;

/** Where provider modules register their providers (Backstage's {@code AuthProvidersExtensionPoint}). */
public interface AuthProvidersExtensionPoint {
  /**
   * Registers the provider {@code providerId}; the plugin serves it below {@code
   * /api/auth/<providerId>} when {@code auth.providers.<providerId>} is configured.
   *
   * @throws IllegalArgumentException if {@code providerId} is already registered
   */
  void registerProvider(String providerId, AuthProviderFactory factory);
}
