package dev.greenroom.auth.backend.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.greenroom.auth.node.AuthProviderRouteHandlers;
import dev.greenroom.auth.node.AuthResponses;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of plugin {@code auth} (upstream: plugins/auth-backend/src/service/router.ts,
 * OidcRouter.ts, providers/router.ts): {@code GET /.well-known/openid-configuration}, {@code GET
 * /.well-known/jwks.json}, {@code GET /v1/userinfo}, and per provider {@code GET /<id>/start},
 * {@code GET|POST /<id>/handler/frame}, {@code GET|POST /<id>/refresh}, {@code POST /<id>/logout}.
 */
final class AuthRouter extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PROVIDER_PATH = Pattern.compile("^/([^/]+)(/.*)?$");
  private static final Pattern BEARER = Pattern.compile("^Bearer[ ]+(\\S+)$", Pattern.CASE_INSENSITIVE);

  private final transient TokenFactory tokens;
  private final transient ProviderRoutes providers;
  private final transient HttpAuthService httpAuth;
  private final String issuer;

  AuthRouter(TokenFactory tokens, ProviderRoutes providers, HttpAuthService httpAuth, String issuer) {
    this.tokens = tokens;
    this.providers = providers;
    this.httpAuth = httpAuth;
    this.issuer = issuer;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    String method = request.getMethod();
    boolean get = "GET".equals(method) || "HEAD".equals(method);
    if (get && "/.well-known/openid-configuration".equals(path)) {
      AuthResponses.json(response, 200, openidConfiguration());
      return;
    }
    if (get && "/.well-known/jwks.json".equals(path)) {
      AuthResponses.json(response, 200, Map.of("keys", tokens.listPublicKeys()));
      return;
    }
    if (get && "/v1/userinfo".equals(path)) {
      AuthResponses.json(response, 200, userInfo(request));
      return;
    }
    Matcher m = PROVIDER_PATH.matcher(path);
    if (!m.matches() || path.startsWith("/.") || path.startsWith("/v1/")) {
      throw new NotFoundError("Not found: " + method + " " + request.getRequestURI());
    }
    String rest = m.group(2) == null ? "" : m.group(2);
    boolean post = "POST".equals(method);
    AuthProviderRouteHandlers handlers = null;
    try {
      switch (rest) {
        case "/start" -> {
          if (get) {
            (handlers = providers.handlers(m.group(1))).start(request, response);
            return;
          }
        }
        case "/handler/frame" -> {
          if (get || post) {
            (handlers = providers.handlers(m.group(1))).frameHandler(request, response);
            return;
          }
        }
        case "/refresh" -> {
          if (get || post) {
            (handlers = providers.handlers(m.group(1))).refresh(request, response);
            return;
          }
        }
        case "/logout" -> {
          if (post) {
            (handlers = providers.handlers(m.group(1))).logout(request, response);
            return;
          }
        }
        default -> providers.handlers(m.group(1)); // an unknown provider's 404 wins over the path's
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
    throw new NotFoundError("Not found: " + method + " " + request.getRequestURI());
  }

  /** Upstream's OIDC discovery document of the auth backend (plugins/auth-backend/src/service/OidcRouter.ts). */
  private Map<String, Object> openidConfiguration() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("issuer", issuer);
    c.put("token_endpoint", issuer + "/v1/token");
    c.put("userinfo_endpoint", issuer + "/v1/userinfo");
    c.put("jwks_uri", issuer + "/.well-known/jwks.json");
    c.put("response_types_supported", List.of("id_token"));
    c.put("subject_types_supported", List.of("public"));
    c.put("id_token_signing_alg_values_supported",
        List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"));
    c.put("scopes_supported", List.of("openid"));
    c.put("token_endpoint_auth_methods_supported", List.of());
    c.put("claims_supported", List.of("sub", "ent"));
    c.put("grant_types_supported", List.of());
    return c;
  }

  /** The caller's own claims: a full user token only (a limited cookie or a service gets 401/403). */
  private Map<String, Object> userInfo(HttpServletRequest request) {
    httpAuth.credentials(request, EnumSet.of(BackstagePrincipalType.USER), false);
    String header = request.getHeader("Authorization");
    Matcher m = header == null ? null : BEARER.matcher(header);
    if (m == null || !m.matches()) {
      throw new AuthenticationError("No token provided");
    }
    try {
      JWTClaimsSet claims = JWTParser.parse(m.group(1)).getJWTClaimsSet();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("sub", claims.getSubject());
      Object ent = claims.getClaim("ent");
      out.put("ent", ent instanceof List<?> l ? l : List.of(claims.getSubject()));
      return Map.of("claims", out);
    } catch (ParseException e) {
      throw new AuthenticationError("Illegal token");
    }
  }
}
