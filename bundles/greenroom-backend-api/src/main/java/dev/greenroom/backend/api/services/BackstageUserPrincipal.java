package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A signed-in user. Backstage's {@code BackstageUserPrincipal}.
 *
 * @param userEntityRef the user's catalog entity ref, such as {@code user:default/jane.doe}
 */
public record BackstageUserPrincipal(String userEntityRef) implements BackstagePrincipal {
  public BackstageUserPrincipal {
    Objects.requireNonNull(userEntityRef, "userEntityRef");
  }

  @Override
  public BackstagePrincipalType type() {
    return BackstagePrincipalType.USER;
  }
}
