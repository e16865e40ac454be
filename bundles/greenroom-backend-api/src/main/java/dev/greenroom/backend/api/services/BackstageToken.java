package dev.greenroom.backend.api.services;

import java.time.Instant;
import java.util.Objects;

/**
 * A token issued by {@link AuthService}. Backstage's {@code { token }} and {@code { token,
 * expiresAt }} results.
 *
 * @param token the token, to send as {@code Authorization: Bearer <token>}
 * @param expiresAt when it expires; null where Backstage does not say
 */
public record BackstageToken(String token, Instant expiresAt) {
  public BackstageToken {
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "BackstageToken[token=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
