package dev.greenroom.backend.api.services;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The user a {@link PermissionPolicy} decides for. Backstage's {@code PolicyQueryUser}: the
 * credentials and the user's info (entity ref and ownership refs). The info is fetched from {@code
 * core.userInfo} when a policy first asks for it, so a policy that decides by the entity ref alone
 * costs no lookup.
 */
public final class PolicyQueryUser {
  private final BackstageCredentials<BackstageUserPrincipal> credentials;
  private final Supplier<BackstageUserInfo> infoLookup;
  private volatile BackstageUserInfo info;

  /**
   * @param credentials the user's credentials
   * @param infoLookup fetches the user's info (called at most once)
   */
  public PolicyQueryUser(
      BackstageCredentials<BackstageUserPrincipal> credentials, Supplier<BackstageUserInfo> infoLookup) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.infoLookup = Objects.requireNonNull(infoLookup, "infoLookup");
  }

  /** The user's credentials. */
  public BackstageCredentials<BackstageUserPrincipal> credentials() {
    return credentials;
  }

  /** The user's entity ref, such as {@code user:default/alice}. */
  public String userEntityRef() {
    return credentials.principal().userEntityRef();
  }

  /** The user's info (ownership entity refs: the user and their groups), fetched once. */
  public BackstageUserInfo info() {
    BackstageUserInfo current = info;
    if (current == null) {
      synchronized (this) {
        if (info == null) {
          info = Objects.requireNonNull(infoLookup.get(), "user info");
        }
        current = info;
      }
    }
    return current;
  }

  @Override
  public String toString() {
    return "PolicyQueryUser[" + userEntityRef() + "]";
  }
}
