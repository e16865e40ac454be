package dev.greenroom.backend.api.services;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** The backend's whole configuration, read from {@code app-config.yaml} and friends. */
@ProviderType
public interface RootConfigService extends Config {
  /**
   * The values that a config schema marks {@code visibility: secret}; the root logger redacts
   * them from every line. Empty when no schema marks any.
   */
  default Set<String> secretValues() {
    return Set.of();
  }

  /**
   * Calls {@code onChange} after the configuration has changed (a watched file was edited); the
   * getters then answer with the new values. Backstage's optional {@code subscribe}.
   *
   * @return closes the subscription
   */
  default AutoCloseable subscribe(Runnable onChange) {
    return () -> {};
  }
}
