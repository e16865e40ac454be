package dev.greenroom.auth.backend.module.oidc.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.greenroom.backend.api.errors.AuthenticationError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The relying party's side of OpenID Connect Core's authorization-code flow, on the JDK's HTTP
 * client and nimbus-jose-jwt (upstream uses openid-client): the discovery document ({@code
 * metadataUrl}), the token endpoint (client_secret_basic or client_secret_post, PKCE verifier),
 * ID token verification against the issuer's JWKS ({@code iss}, {@code aud}, {@code exp}, {@code
 * nonce}, the signing algorithm), and userinfo.
 */
final class OidcClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OidcEnvironment env;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile Map<String, Object> metadata;

  OidcClient(OidcEnvironment env) {
    this.env = env;
  }

  /** The issuer's discovery document, fetched once it is first needed. */
  Map<String, Object> metadata() throws IOException {
    Map<String, Object> m = metadata;
    if (m == null) {
      m = getJson(env.metadataUrl(), null);
      for (String key : new String[] {"issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"}) {
        if (!(m.get(key) instanceof String)) {
          throw new IOException("The OIDC discovery document at " + env.metadataUrl() + " has no " + key);
        }
      }
      metadata = m;
    }
    return m;
  }

  String authorizationUrl(String state, String nonce, String codeChallenge) throws IOException {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", env.clientId());
    q.put("redirect_uri", env.callbackUrl());
    q.put("response_type", "code");
    q.put("scope", env.scope());
    q.put("state", state);
    q.put("nonce", nonce);
    q.put("code_challenge", codeChallenge);
    q.put("code_challenge_method", "S256");
    if (env.prompt() != null) {
      q.put("prompt", env.prompt());
    }
    String endpoint = (String) metadata().get("authorization_endpoint");
    return endpoint + (endpoint.contains("?") ? "&" : "?") + form(q);
  }

  /** POSTs a grant to the token endpoint; the answer's fields. */
  Map<String, Object> token(Map<String, String> grant) throws IOException {
    Map<String, String> body = new LinkedHashMap<>(grant);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((String) metadata().get("token_endpoint")))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json");
    if ("client_secret_post".equals(env.tokenEndpointAuthMethod())) {
      body.put("client_id", env.clientId());
      body.put("client_secret", env.clientSecret());
    } else {
      String basic = URLEncoder.encode(env.clientId(), StandardCharsets.UTF_8) + ":"
          + URLEncoder.encode(env.clientSecret(), StandardCharsets.UTF_8);
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
    Map<String, Object> json = parse(response.body(), "token endpoint");
    if (response.statusCode() != 200) {
      throw new AuthenticationError("The OIDC token endpoint refused the grant: HTTP " + response.statusCode()
          + (json.get("error") != null ? " " + json.get("error") : ""));
    }
    return json;
  }

  /** The verified claims of an ID token; {@code nonce} null skips the nonce check (refresh). */
  JWTClaimsSet verifyIdToken(String idToken, String nonce) throws IOException {
    JWKSet keys;
    try {
      keys = JWKSet.parse(get((String) metadata().get("jwks_uri"), null));
    } catch (java.text.ParseException e) {
      throw new IOException("The OIDC issuer's JWKS is not a JWK set: " + e.getMessage(), e);
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        JWSAlgorithm.parse(env.tokenSignedResponseAlg()), new ImmutableJWKSet<>(keys)));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder().issuer((String) metadata().get("issuer"));
    if (nonce != null) {
      exact.claim("nonce", nonce);
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        env.clientId(), exact.build(), new HashSet<>(Set.of("sub", "iat", "exp"))));
    try {
      return processor.process(idToken, null);
    } catch (Exception e) {
      throw new AuthenticationError("Invalid ID token from the OIDC issuer: " + e.getMessage());
    }
  }

  /** The userinfo endpoint's claims for an access token, or an empty map when the issuer has none. */
  Map<String, Object> userinfo(String accessToken) throws IOException {
    Object endpoint = metadata().get("userinfo_endpoint");
    if (!(endpoint instanceof String url) || accessToken == null) {
      return Map.of();
    }
    return getJson(url, accessToken);
  }

  private Map<String, Object> getJson(String url, String bearer) throws IOException {
    return parse(get(url, bearer), url);
  }

  private String get(String url, String bearer) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response = send(request.GET().build());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted: " + request.method() + " " + request.uri());
    }
  }

  private static Map<String, Object> parse(String body, String what) throws IOException {
    try {
      return JSONObjectUtils.parse(body);
    } catch (java.text.ParseException e) {
      throw new IOException("The answer of " + what + " is no JSON object: " + e.getMessage(), e);
    }
  }

  static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
