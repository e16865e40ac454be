package dev.greenroom.auth.backend.module.oidc.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An OpenID provider on loopback for unit tests: discovery, JWKS, authorize (no login form), token, userinfo. */
final class FakeIssuer implements AutoCloseable {
  static final String CLIENT_ID = "backstage";
  static final String CLIENT_SECRET = "s3cret";

  private record Grant(String redirectUri, String challenge, String nonce) {}

  private final HttpServer server;
  final String base;
  private final RSAKey key;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  volatile String issuerClaim;
  volatile String email = "ada@example.com";

  FakeIssuer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    issuerClaim = base;
    server.createContext("/.well-known/openid-configuration", ex -> json(ex, 200, Map.of(
        "issuer", base, "authorization_endpoint", base + "/authorize", "token_endpoint", base + "/token",
        "userinfo_endpoint", base + "/userinfo", "jwks_uri", base + "/jwks")));
    server.createContext("/jwks", ex -> json(ex, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
    server.createContext("/authorize", ex -> {
      Map<String, String> q = form(ex.getRequestURI().getRawQuery());
      String code = java.util.UUID.randomUUID().toString();
      codes.put(code, new Grant(q.get("redirect_uri"), q.get("code_challenge"), q.get("nonce")));
      ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state")));
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/token", ex -> {
      Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      Grant g = codes.remove(f.getOrDefault("code", ""));
      if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization")) || g == null || !g.redirectUri().equals(f.get("redirect_uri"))
          || !g.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
        json(ex, 400, Map.of("error", "invalid_grant"));
        return;
      }
      try {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuerClaim).subject("ada").audience(CLIENT_ID)
            .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
            .claim("nonce", g.nonce()).claim("email", email).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        json(ex, 200, Map.of("access_token", "at-1", "token_type", "Bearer", "expires_in", 300, "id_token", jwt.serialize()));
      } catch (Exception e) {
        json(ex, 500, Map.of("error", e.getMessage()));
      }
    });
    server.createContext("/userinfo", ex -> json(ex, 200, Map.of("sub", "ada", "email", email, "name", "Ada")));
    server.start();
  }

  String metadataUrl() {
    return base + "/.well-known/openid-configuration";
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void json(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
    byte[] b = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  static Map<String, String> form(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
