package dev.greenroom.backend.test;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageUserInfo;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.UserInfoService;
import java.util.List;

/**
 * {@code core.userInfo} from the credentials alone, as Backstage's MockUserInfoService
 * (packages/backend-test-utils/src/services/MockUserInfoService.ts): the user's ref, owning only
 * itself, unless {@code ownershipEntityRefs} is given.
 */
final class MockUserInfoService implements UserInfoService {
  private final List<String> ownershipEntityRefs;

  /** @param ownershipEntityRefs null: the user's own ref */
  MockUserInfoService(List<String> ownershipEntityRefs) {
    this.ownershipEntityRefs = ownershipEntityRefs == null ? null : List.copyOf(ownershipEntityRefs);
  }

  @Override
  public BackstageUserInfo getUserInfo(BackstageCredentials<?> credentials) {
    if (!(credentials.principal() instanceof BackstageUserPrincipal user)) {
      throw new InputError(
          "User info not available for principal type '" + credentials.principal().type().value() + "'");
    }
    return new BackstageUserInfo(
        user.userEntityRef(),
        ownershipEntityRefs != null ? ownershipEntityRefs : List.of(user.userEntityRef()));
  }
}
