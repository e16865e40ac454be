package dev.greenroom.backend.api.services;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verified credentials of a caller: its principal and when they expire. Backstage's {@code
 * BackstageCredentials<TPrincipal>}; the {@code $$type} brand is the Java type itself. Use {@code
 * BackstageCredentials<?>} for credentials of any kind and narrow with {@link #as(Class)} or a
 * pattern match on {@link #principal()}.
 *
 * @param principal who the caller is
 * @param expiresAt when the credentials expire; null if they do not
 */
public record BackstageCredentials<P extends BackstagePrincipal>(P principal, Instant expiresAt) {
  public BackstageCredentials {
    Objects.requireNonNull(principal, "principal");
  }

  /**
   * These credentials typed for principal type {@code type}, or empty if the principal is another
   * kind.
   */
  @SuppressWarnings("unchecked")
  public <Q extends BackstagePrincipal> Optional<BackstageCredentials<Q>> as(Class<Q> type) {
    return type.isInstance(principal)
        ? Optional.of((BackstageCredentials<Q>) this)
        : Optional.empty();
  }
}
