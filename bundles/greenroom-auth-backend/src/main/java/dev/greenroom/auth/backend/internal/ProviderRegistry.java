package dev.greenroom.auth.backend.internal;

import dev.greenroom.auth.node.AuthProviderFactory;
import dev.greenroom.auth.node.AuthProvidersExtensionPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plugin's {@code auth.providers} extension point: provider factories by id, one register pass. */
public final class ProviderRegistry implements AuthProvidersExtensionPoint {
  private final Map<String, AuthProviderFactory> factories = new LinkedHashMap<>();

  @Override
  public synchronized void registerProvider(String providerId, AuthProviderFactory factory) {
    if (providerId == null || providerId.isEmpty() || providerId.contains("/")) {
      throw new IllegalArgumentException("Invalid auth provider id '" + providerId + "'");
    }
    if (factories.putIfAbsent(providerId, factory) != null) {
      throw new IllegalArgumentException("Duplicate auth provider registration for '" + providerId + "'");
    }
  }

  public synchronized Map<String, AuthProviderFactory> snapshot() {
    return Map.copyOf(factories);
  }
}
