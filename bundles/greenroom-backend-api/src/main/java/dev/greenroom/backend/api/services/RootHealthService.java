package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The backend's health, served at {@code /.backstage/health/v1/liveness} and {@code
 * /.backstage/health/v1/readiness} on the server root. Backstage's {@code RootHealthService}
 * ({@code core.rootHealth}).
 */
@ProviderType
public interface RootHealthService {
  /** Whether the process is alive; the default always answers 200 {@code {status: 'ok'}}. */
  HealthResult getLiveness();

  /**
   * Whether the backend serves traffic: 503 before root startup, 200 after it, 503 again once
   * before-shutdown hooks have run.
   */
  HealthResult getReadiness();
}
