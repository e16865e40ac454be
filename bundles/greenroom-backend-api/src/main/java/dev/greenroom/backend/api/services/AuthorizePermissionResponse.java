package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A definitive permission decision, {@link AuthorizeResult#ALLOW} or {@link AuthorizeResult#DENY}.
 * Backstage's {@code AuthorizePermissionResponse} ({@code DefinitivePolicyDecision}).
 *
 * @param result ALLOW or DENY
 */
public record AuthorizePermissionResponse(AuthorizeResult result) {
  public AuthorizePermissionResponse {
    Objects.requireNonNull(result, "result");
    if (result == AuthorizeResult.CONDITIONAL) {
      throw new IllegalArgumentException("A definitive decision cannot be CONDITIONAL");
    }
  }

  /** {@code {result: ALLOW}}. */
  public static AuthorizePermissionResponse allow() {
    return new AuthorizePermissionResponse(AuthorizeResult.ALLOW);
  }

  /** {@code {result: DENY}}. */
  public static AuthorizePermissionResponse deny() {
    return new AuthorizePermissionResponse(AuthorizeResult.DENY);
  }
}
