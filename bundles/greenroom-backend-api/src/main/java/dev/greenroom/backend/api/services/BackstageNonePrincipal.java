package dev.greenroom.backend.api.services;

/**
 * No principal: the call carries no credentials (allowed only where an auth policy lets it in).
 * Backstage's {@code BackstageNonePrincipal}.
 */
public record BackstageNonePrincipal() implements BackstagePrincipal {
  @Override
  public BackstagePrincipalType type() {
    return BackstagePrincipalType.NONE;
  }
}
