package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A definitive permission decision, {@link AuthorizeResult#ALLOW} or {@link AuthorizeResult#DENY}.
 * Backstage's {@code AuthorizePermissionResponse} ({@code DefinitivePolicyDecision}).
 */
public record AuthorizePermissionResponse(AuthorizeResult result) {
  public AuthorizePermissionResponse {
    Objects.requireNonNull(result, "result");
    if (result == AuthorizeResult.CONDITIONAL) {
      throw new IllegalArgumentException("A definitive decision cannot be CONDITIONAL");
    }
  }
}
