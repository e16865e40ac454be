package dev.greenroom.auth.backend.module.oidc.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.greenroom.auth.node.AuthCookies;
import dev.greenroom.auth.node.AuthProviderFactoryContext;
import dev.greenroom.auth.node.AuthProviderRouteHandlers;
import dev.greenroom.auth.node.AuthResponses;
import dev.greenroom.auth.node.BackstageIdentityResponse;
import dev.greenroom.auth.node.RedirectUrls;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotFoundError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provider {@code oidc}: upstream's OAuth route handlers (plugins/auth-node/src/oauth/createOAuthRouteHandlers.ts)
 * around an OpenID Connect authenticator (plugins/auth-backend-module-oidc-provider/src/authenticator.ts),
 * one client per environment ({@code auth.providers.oidc.<env>}, chosen by the {@code env} query
 * parameter and carried in the state).
 *
 * <ul>
 *   <li>{@code GET /start?env=&origin=&flow=&redirectUrl=}: a nonce in cookie {@code oidc-nonce}
 *       and in the state, a PKCE verifier in cookie {@code oidc-pkce} (upstream keeps it in the
 *       express session), 302 to the issuer's authorization endpoint (code flow, S256 challenge).
 *   <li>{@code GET|POST /handler/frame}: checks state and cookie nonce, redeems the code with the
 *       verifier, verifies the ID token (issuer, audience, expiry, nonce, signature against the
 *       issuer's JWKS), reads userinfo, signs in through {@code signIn.resolvers}, keeps the refresh
 *       token in cookie {@code oidc-refresh-token}; answers the popup with a web message, or with
 *       {@code flow=redirect} sets the user cookie and redirects to {@code redirectUrl} (errors go
 *       to the app as {@code ?error=}).
 *   <li>{@code GET|POST /refresh} (header {@code X-Requested-With: XMLHttpRequest}): a new session
 *       from the refresh token. {@code POST /logout}: removes the refresh token cookie.
 * </ul>
 */
final class OidcProvider implements AuthProviderRouteHandlers {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration NONCE_AGE = Duration.ofMinutes(10);
  private static final Duration REFRESH_AGE = Duration.ofDays(1000);

  private final AuthProviderFactoryContext ctx;
  private final Map<String, OidcClient> clients = new LinkedHashMap<>();
  private final Map<String, OidcEnvironment> envs = new LinkedHashMap<>();
  private final AuthCookies cookies;
  private final String appOrigin;

  OidcProvider(AuthProviderFactoryContext ctx) {
    this.ctx = ctx;
    for (String env : ctx.config().keys()) {
      OidcEnvironment e = OidcEnvironment.read(env, ctx.config().getConfig(env), ctx.baseUrl());
      envs.put(env, e);
      clients.put(env, new OidcClient(e));
    }
    if (envs.isEmpty()) {
      throw new IllegalArgumentException("No environment configured under auth.providers.oidc, e.g. auth.providers.oidc.development");
    }
    this.cookies = new AuthCookies(ctx.baseUrl(), ctx.providerId());
    this.appOrigin = origin(ctx.appUrl());
  }

  private String nonceCookie() {
    return ctx.providerId() + "-nonce";
  }

  private String pkceCookie() {
    return ctx.providerId() + "-pkce";
  }

  private String refreshCookie() {
    return ctx.providerId() + "-refresh-token";
  }

  @Override
  public void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String env = request.getParameter("env");
    String origin = request.getParameter("origin");
    if (origin != null) {
      try {
        origin = origin(origin);
      } catch (RuntimeException e) {
        throw new InputError("App origin is invalid, failed to parse");
      }
      if (!ctx.isOriginAllowed().test(origin)) {
        throw new NotAllowedError("Origin '" + origin + "' is not allowed");
      }
    }
    String redirectUrl = request.getParameter("redirectUrl");
    String flow = request.getParameter("flow");
    if ("redirect".equals(flow)) {
      parseRedirectUrl(redirectUrl);
    }
    if (env == null || env.isEmpty()) {
      throw new InputError("No env provided in request query parameters");
    }
    OidcClient client = client(env);
    String nonce = random(16);
    String verifier = random(32);
    Map<String, String> state = new LinkedHashMap<>();
    state.put("nonce", nonce);
    state.put("env", env);
    state.put("origin", origin);
    state.put("redirectUrl", redirectUrl);
    state.put("flow", flow);
    String url = client.authorizationUrl(OAuthState.encode(state), nonce, challenge(verifier));
    response.addHeader("Set-Cookie", cookies.set(nonceCookie(), nonce, cookies.handlerPath(), NONCE_AGE));
    response.addHeader("Set-Cookie", cookies.set(pkceCookie(), verifier, cookies.handlerPath(), NONCE_AGE));
    response.setStatus(302);
    response.setHeader("Location", url);
    response.setContentLength(0);
  }

  @Override
  public void frameHandler(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String origin = appOrigin;
    Map<String, String> state = null;
    try {
      state = OAuthState.decode(request.getParameter("state"));
      String redirectUrl = "redirect".equals(state.get("flow")) ? parseRedirectUrl(state.get("redirectUrl")) : null;
      if (state.get("origin") != null) {
        origin = origin(state.get("origin"));
        if (!ctx.isOriginAllowed().test(origin)) {
          throw new NotAllowedError("Origin '" + origin + "' is not allowed");
        }
      }
      String cookieNonce = AuthCookies.read(request, nonceCookie());
      if (cookieNonce == null) {
        throw new NotAllowedError("Auth response is missing cookie nonce");
      }
      if (!cookieNonce.equals(state.get("nonce"))) {
        throw new NotAllowedError("Invalid nonce");
      }
      String verifier = AuthCookies.read(request, pkceCookie());
      if (request.getParameter("error") != null) {
        throw new AuthenticationError("The OIDC issuer answered " + request.getParameter("error")
            + (request.getParameter("error_description") != null ? ": " + request.getParameter("error_description") : ""));
      }
      String code = request.getParameter("code");
      if (code == null || code.isEmpty()) {
        throw new InputError("Authentication response has no authorization code");
      }
      if (verifier == null) {
        throw new NotAllowedError("Auth response is missing the PKCE verifier cookie");
      }
      OidcClient client = client(state.get("env"));
      Map<String, String> grant = new LinkedHashMap<>();
      grant.put("grant_type", "authorization_code");
      grant.put("code", code);
      grant.put("redirect_uri", envs.get(state.get("env")).callbackUrl());
      grant.put("code_verifier", verifier);
      Map<String, Object> tokens = client.token(grant);
      Map<String, Object> session = session(state.get("env"), tokens, cookieNonce);
      response.addHeader("Set-Cookie", cookies.set(nonceCookie(), "", cookies.handlerPath(), Duration.ZERO));
      response.addHeader("Set-Cookie", cookies.set(pkceCookie(), "", cookies.handlerPath(), Duration.ZERO));
      if (tokens.get("refresh_token") instanceof String refresh) {
        response.addHeader("Set-Cookie", cookies.set(refreshCookie(), refresh, cookies.providerPath(), REFRESH_AGE));
      }
      if (redirectUrl != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) session.get("backstageIdentity");
        if (identity == null) {
          throw new NotAllowedError("The " + ctx.providerId() + " provider is not configured to support sign-in");
        }
        ctx.userCookie().issue(response, (String) identity.get("token"));
        redirect(response, redirectUrl);
        return;
      }
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", "authorization_response");
      message.put("response", session);
      AuthResponses.webMessage(response, origin, message);
    } catch (IOException | RuntimeException e) {
      ctx.logger().info("OIDC sign-in failed: " + e.getMessage());
      if (state != null && "redirect".equals(state.get("flow"))) {
        redirect(response, ctx.appUrl() + "?error=" + URLEncoder.encode(String.valueOf(e.getMessage()), StandardCharsets.UTF_8));
        return;
      }
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", "authorization_response");
      message.put("error", Map.of("name", e instanceof IOException ? "Error" : e.getClass().getSimpleName(),
          "message", String.valueOf(e.getMessage())));
      AuthResponses.webMessage(response, origin, message);
    }
  }

  @Override
  public void refresh(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      throw new AuthenticationError("Invalid X-Requested-With header");
    }
    String env = request.getParameter("env");
    if (env == null || env.isEmpty()) {
      throw new InputError("No env provided in request query parameters");
    }
    OidcClient client = client(env);
    try {
      String refreshToken = AuthCookies.read(request, refreshCookie());
      if (refreshToken == null) {
        throw new InputError("Missing session cookie");
      }
      Map<String, Object> tokens = client.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
      Map<String, Object> session = session(env, tokens, null);
      if (tokens.get("refresh_token") instanceof String next && !next.equals(refreshToken)) {
        response.addHeader("Set-Cookie", cookies.set(refreshCookie(), next, cookies.providerPath(), REFRESH_AGE));
      }
      AuthResponses.json(response, 200, session);
    } catch (IOException | RuntimeException e) {
      throw new AuthenticationError("Refresh failed", e);
    }
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response) {
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      throw new AuthenticationError("Invalid X-Requested-With header");
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !ctx.isOriginAllowed().test(origin)) {
      throw new NotAllowedError("Origin '" + origin + "' is not allowed");
    }
    response.addHeader("Set-Cookie", cookies.set(refreshCookie(), "", cookies.providerPath(), Duration.ZERO));
    response.setStatus(200);
    response.setContentLength(0);
  }

  /** profile, providerInfo and (with sign-in resolvers) backstageIdentity from a token answer. */
  private Map<String, Object> session(String env, Map<String, Object> tokens, String nonce) throws IOException {
    OidcClient client = clients.get(env);
    Map<String, Object> claims = new LinkedHashMap<>();
    String idToken = tokens.get("id_token") instanceof String s ? s : null;
    if (idToken != null) {
      JWTClaimsSet verified = client.verifyIdToken(idToken, nonce);
      claims.putAll(verified.getClaims());
    } else if (nonce != null) {
      throw new AuthenticationError("The OIDC token endpoint answered without an ID token");
    }
    String accessToken = tokens.get("access_token") instanceof String s ? s : null;
    Map<String, Object> userinfo = client.userinfo(accessToken);
    if (idToken != null && userinfo.get("sub") != null && !userinfo.get("sub").equals(claims.get("sub"))) {
      throw new AuthenticationError("The OIDC userinfo sub does not match the ID token's");
    }
    claims.putAll(userinfo);
    Map<String, Object> profile = new LinkedHashMap<>();
    if (claims.get("email") instanceof String email) {
      profile.put("email", email);
    }
    if (claims.get("picture") instanceof String picture) {
      profile.put("picture", picture);
    }
    Object name = claims.get("name") != null ? claims.get("name") : claims.get("preferred_username");
    if (name instanceof String n) {
      profile.put("displayName", n);
    }
    Map<String, Object> providerInfo = new LinkedHashMap<>();
    if (idToken != null) {
      providerInfo.put("idToken", idToken);
    }
    if (accessToken != null) {
      providerInfo.put("accessToken", accessToken);
    }
    if (tokens.get("scope") instanceof String scope) {
      providerInfo.put("scope", scope);
    }
    if (tokens.get("expires_in") instanceof Number n) {
      providerInfo.put("expiresInSeconds", n.longValue());
    }
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("profile", profile);
    session.put("providerInfo", providerInfo);
    SignInResolvers resolvers = envs.get(env).resolvers();
    if (resolvers.configured()) {
      String token = resolvers.signIn((String) profile.get("email"), ctx.resolverContext());
      session.put("backstageIdentity", BackstageIdentityResponse.of(token, ctx.clock()));
    }
    return session;
  }

  private OidcClient client(String env) {
    OidcClient client = clients.get(env);
    if (client == null) {
      throw new NotFoundError("No configuration available for the '" + env + "' environment of this provider.");
    }
    return client;
  }

  private String parseRedirectUrl(String value) {
    return RedirectUrls.parse(value, ctx.isOriginAllowed());
  }

  static String origin(String url) {
    return RedirectUrls.origin(url);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void redirect(HttpServletResponse response, String location) {
    response.setStatus(302);
    response.setHeader("Location", location);
    response.setContentLength(0);
  }
}
