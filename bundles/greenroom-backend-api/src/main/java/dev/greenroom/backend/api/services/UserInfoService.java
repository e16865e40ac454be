package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Information about the user behind some credentials. Backstage's {@code UserInfoService} ({@code
 * core.userInfo}): read from the token's claims, or from the auth plugin when they are absent.
 */
@ProviderType
public interface UserInfoService {
  /**
   * The user of {@code credentials}.
   *
   * @throws dev.greenroom.backend.api.errors.InputError if the principal is not a user
   */
  BackstageUserInfo getUserInfo(BackstageCredentials<?> credentials);
}
