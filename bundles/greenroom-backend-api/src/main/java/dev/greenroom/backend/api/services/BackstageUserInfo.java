package dev.greenroom.backend.api.services;

import java.util.List;
import java.util.Objects;

/**
 * A user as seen by the backend, from {@link UserInfoService}. Backstage's {@code
 * BackstageUserInfo}.
 *
 * @param userEntityRef the user's entity ref, such as {@code user:default/jane.doe}
 * @param ownershipEntityRefs the refs the user claims ownership through: itself and its groups
 */
public record BackstageUserInfo(String userEntityRef, List<String> ownershipEntityRefs) {
  public BackstageUserInfo {
    Objects.requireNonNull(userEntityRef, "userEntityRef");
    ownershipEntityRefs =
        ownershipEntityRefs == null ? List.of() : List.copyOf(ownershipEntityRefs);
  }
}
