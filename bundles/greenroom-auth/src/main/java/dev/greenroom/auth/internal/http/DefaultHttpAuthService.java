package dev.greenroom.auth.internal.http;

import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.BackstageError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.DiscoveryService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** core.httpAuth for one plugin. Backstage's DefaultHttpAuthService, on servlet types. */
public final class DefaultHttpAuthService implements dev.greenroom.backend.api.services.HttpAuthService {
  private static final Duration RENEW_MARGIN = Duration.ofMinutes(5);
  // Request attributes play the part of Backstage's per-request symbols: one verification per request
  private static final String CREDENTIALS_ATTRIBUTE = "dev.greenroom.auth.credentials";
  private static final String LIMITED_CREDENTIALS_ATTRIBUTE = "dev.greenroom.auth.limitedCredentials";

  private final AuthService auth;
  private final DiscoveryService discovery;
  private final String pluginId;
  private final Clock clock;

  public DefaultHttpAuthService(AuthService auth, DiscoveryService discovery, String pluginId, Clock clock) {
    this.auth = auth;
    this.discovery = discovery;
    this.pluginId = pluginId;
    this.clock = clock;
  }

  @Override
  public BackstageCredentials<BackstagePrincipal> credentials(
      HttpServletRequest request, Set<BackstagePrincipalType> allow, boolean allowLimitedAccess) {
    BackstageCredentials<BackstagePrincipal> credentials =
        allowLimitedAccess ? cached(request, LIMITED_CREDENTIALS_ATTRIBUTE, true) : cached(request, CREDENTIALS_ATTRIBUTE, false);
    if (allow == null) {
      return credentials;
    }
    BackstagePrincipalType type = credentials.principal().type();
    if (allow.contains(type)) {
      return credentials;
    }
    if (type == BackstagePrincipalType.NONE) {
      throw new AuthenticationError("Missing credentials");
    }
    throw new NotAllowedError("This endpoint does not allow '" + type.value() + "' credentials");
  }

  /** The outcome of one extraction, kept on the request so that both callers see the same. */
  private record Outcome(BackstageCredentials<BackstagePrincipal> credentials, RuntimeException error) {}

  private BackstageCredentials<BackstagePrincipal> cached(HttpServletRequest request, String attribute, boolean limited) {
    Object existing = request.getAttribute(attribute);
    Outcome outcome;
    if (existing instanceof Outcome o) {
      outcome = o;
    } else {
      try {
        outcome = new Outcome(extract(request, limited), null);
      } catch (RuntimeException e) {
        outcome = new Outcome(null, e);
      }
      request.setAttribute(attribute, outcome);
    }
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return outcome.credentials();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private BackstageCredentials<BackstagePrincipal> extract(HttpServletRequest request, boolean limited) {
    String token = RequestTokens.bearer(request);
    if (token == null && limited) {
      token = RequestTokens.cookie(request);
    }
    if (token == null) {
      return (BackstageCredentials) auth.getNoneCredentials();
    }
    return auth.authenticate(token, limited);
  }

  @Override
  public Instant issueUserCookie(HttpServletRequest request, HttpServletResponse response) {
    ensureNotCommitted(response);
    BackstageCredentials<BackstageUserPrincipal> credentials =
        credentials(request, EnumSet.of(BackstagePrincipalType.USER), false)
            .as(BackstageUserPrincipal.class)
            .orElseThrow();
    Instant existing = existingCookieExpiration(request);
    if (existing != null && !clock.instant().plus(RENEW_MARGIN).isAfter(existing)) {
      return existing;
    }
    return setCookie(response, credentials);
  }

  @Override
  public Instant issueUserCookie(HttpServletResponse response, BackstageCredentials<?> credentials) {
    ensureNotCommitted(response);
    CookieOptions options = CookieOptions.forExternalBaseUrl(discovery.getExternalBaseUrl(pluginId));
    if (credentials.principal().type() == BackstagePrincipalType.NONE) {
      response.addHeader("Set-Cookie", options.setCookie("", Instant.EPOCH));
      return clock.instant();
    }
    return setCookie(
        response,
        credentials
            .as(BackstageUserPrincipal.class)
            .orElseThrow(() -> new AuthenticationError("Refused to issue cookie for non-user principal")));
  }

  private Instant setCookie(HttpServletResponse response, BackstageCredentials<BackstageUserPrincipal> credentials) {
    BackstageToken limited = auth.getLimitedUserToken(credentials);
    CookieOptions options = CookieOptions.forExternalBaseUrl(discovery.getExternalBaseUrl(pluginId));
    response.addHeader("Set-Cookie", options.setCookie(limited.token(), limited.expiresAt()));
    return limited.expiresAt();
  }

  private Instant existingCookieExpiration(HttpServletRequest request) {
    String cookie = RequestTokens.cookie(request);
    if (cookie == null) {
      return null;
    }
    try {
      BackstageCredentials<BackstagePrincipal> existing = auth.authenticate(cookie, true);
      return existing.principal().type() == BackstagePrincipalType.USER ? existing.expiresAt() : null;
    } catch (BackstageError e) {
      if (e instanceof AuthenticationError) {
        return null;
      }
      throw e;
    }
  }

  private static void ensureNotCommitted(HttpServletResponse response) {
    if (response.isCommitted()) {
      throw new IllegalStateException("Failed to issue user cookie, headers were already sent");
    }
  }
}
