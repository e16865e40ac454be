package dev.greenroom.auth.internal.external;

import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import java.util.List;
import java.util.Map;

/**
 * The external caller tokens as one plugin sees them: the backend's live {@code
 * backend.auth.externalAccess} entries (and the deprecated {@code backend.auth.keys}), with this
 * plugin's access restrictions applied. Backstage's ExternalAuthTokenHandler.verifyToken.
 */
public final class ExternalTokenHandler {
  /**
   * A verified external caller; {@code accessRestrictions} (for this plugin) and {@code
   * allAccessRestrictions} (per plugin id) are null when the caller is unrestricted.
   */
  public record Result(
      String subject,
      BackstagePrincipalAccessRestrictions accessRestrictions,
      Map<String, BackstagePrincipalAccessRestrictions> allAccessRestrictions) {}

  private final String ownPluginId;
  private final LiveExternalAccess access;

  /**
   * The handler of plugin {@code ownPluginId} over the backend's live entries; validates the
   * current config first.
   *
   * @throws ExternalAccessConfigError (or the config's own error naming the key) when invalid
   */
  public ExternalTokenHandler(String ownPluginId, LiveExternalAccess access) {
    this.ownPluginId = ownPluginId;
    this.access = access;
    access.validate();
  }

  /**
   * The external caller of {@code token}, or null if no entry matches.
   *
   * @throws NotAllowedError if the token's entry restricts it to other plugins
   */
  public Result verifyToken(String token) {
    for (TokenHandler handler : access.current().handlers()) {
      ExternalTokenResult result = handler.verifyToken(token);
      if (result == null) {
        continue;
      }
      Map<String, BackstagePrincipalAccessRestrictions> all = result.allAccessRestrictions();
      if (all == null) {
        return new Result(result.subject(), null, null);
      }
      BackstagePrincipalAccessRestrictions own = all.get(ownPluginId);
      if (own == null) {
        throw new NotAllowedError(
            "This token's access is restricted to plugin(s) "
                + AccessRestrictionsReader.quoted(List.copyOf(all.keySet())));
      }
      return new Result(result.subject(), own, all);
    }
    return null;
  }
}
