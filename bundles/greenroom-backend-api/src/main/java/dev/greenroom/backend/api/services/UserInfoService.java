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
   * @throws IllegalArgumentException if the principal is not a user (Backstage's {@code
   *     InputError})
   */
  BackstageUserInfo getUserInfo(BackstageCredentials<?> credentials);
}
