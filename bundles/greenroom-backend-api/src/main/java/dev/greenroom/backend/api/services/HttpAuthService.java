package dev.greenroom.backend.api.services;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The credentials of an ongoing HTTP request. Backstage's {@code HttpAuthService} ({@code
 * core.httpAuth}), on servlet types. Credentials come from the {@code Authorization: Bearer} header
 * or, where limited access is allowed, from the user cookie; they have been checked against the
 * router's auth policies.
 */
@ProviderType
public interface HttpAuthService {
  /** The request's user or service credentials; limited access not allowed. */
  default BackstageCredentials<BackstagePrincipal> credentials(HttpServletRequest request) {
    return credentials(
        request, EnumSet.of(BackstagePrincipalType.USER, BackstagePrincipalType.SERVICE), false);
  }

  /**
   * The request's credentials, whose principal must be one of {@code allow}. Narrow the result with
   * {@link BackstageCredentials#as(Class)}.
   *
   * @param allow the accepted principal kinds; Backstage's default is user and service
   * @param allowLimitedAccess also accept limited-access credentials such as the user cookie
   * @throws dev.greenroom.backend.api.errors.AuthenticationError (401) {@code Missing
   *     credentials} when the request has none, or an invalid one; a limited-access token in the
   *     {@code Authorization} header is invalid ({@code Illegal limited user token}), as upstream
   * @throws dev.greenroom.backend.api.errors.NotAllowedError (403) when the principal kind is not
   *     in {@code allow}, or the request used the limited cookie without {@code allowLimitedAccess}
   */
  BackstageCredentials<BackstagePrincipal> credentials(
      HttpServletRequest request, Set<BackstagePrincipalType> allow, boolean allowLimitedAccess);

  /**
   * Sets the limited-access user cookie on {@code response} for the user credentials of {@code
   * request}; call it before writing any body. A servlet response does not know its request, hence
   * both parameters, where Backstage takes only the response.
   *
   * @return when the cookie expires
   */
  Instant issueUserCookie(HttpServletRequest request, HttpServletResponse response);

  /**
   * As {@link #issueUserCookie(HttpServletRequest, HttpServletResponse)}, for explicit credentials:
   * a user principal, or none, which clears the cookie.
   */
  Instant issueUserCookie(HttpServletResponse response, BackstageCredentials<?> credentials);
}
