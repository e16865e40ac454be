package dev.greenroom.auth.internal.userinfo;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.greenroom.auth.internal.CredentialTokens;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageUserInfo;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.UserInfoService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * core.userInfo: the user entity ref ({@code sub}) and ownership refs ({@code ent}) from the
 * user's token; when the token has no {@code ent} (a limited token), from the auth backend's
 * {@code /v1/userinfo}. Backstage's DefaultUserInfoService.
 */
public final class DefaultUserInfoService implements UserInfoService {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final DiscoveryService discovery;

  public DefaultUserInfoService(DiscoveryService discovery) {
    this.discovery = discovery;
  }

  @Override
  public BackstageUserInfo getUserInfo(BackstageCredentials<?> credentials) {
    if (!(credentials.principal() instanceof BackstageUserPrincipal)) {
      throw new InputError("Only user credentials are supported");
    }
    String token = CredentialTokens.tokenOf(credentials);
    if (token == null) {
      throw new IllegalStateException("User credentials is unexpectedly missing token");
    }
    JWTClaimsSet claims;
    try {
      claims = JWTParser.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("User credentials carry an unreadable token");
    }
    if (!(claims.getClaim("sub") instanceof String userEntityRef)) {
      throw new IllegalStateException("User entity ref must be a string");
    }
    Object ent = claims.getClaim("ent");
    if (ent == null) {
      ent = fetchOwnership(token);
    }
    if (ent == null) {
      throw new IllegalStateException("Ownership entity refs can not be determined");
    }
    if (!(ent instanceof List<?> list) || list.stream().anyMatch(r -> !(r instanceof String))) {
      throw new IllegalStateException("Ownership entity refs must be an array of strings");
    }
    return new BackstageUserInfo(userEntityRef, list.stream().map(String.class::cast).toList());
  }

  private Object fetchOwnership(String token) {
    String url = discovery.getBaseUrl("auth") + "/v1/userinfo";
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Request to " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while requesting " + url, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "Request failed with " + response.statusCode() + " from " + url);
    }
    try {
      Map<String, Object> body = JSONObjectUtils.parse(response.body());
      Map<String, Object> claims = JSONObjectUtils.getJSONObject(body, "claims");
      return claims == null ? null : claims.get("ent");
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("Invalid JSON from " + url, e);
    }
  }
}
