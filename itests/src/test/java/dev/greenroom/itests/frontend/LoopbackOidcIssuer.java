package dev.greenroom.itests.frontend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny OpenID Connect provider on loopback for the browser test, over plain sockets (real HTTP/1.1,
 * one request per connection): discovery document, JWKS (one RSA key), an authorization endpoint
 * that signs in one fixed user without a form and redirects back with a code, a token endpoint that
 * checks client_secret_basic, the redirect URI and the PKCE S256 verifier and answers an RS256 ID
 * token carrying the nonce, and userinfo for the access token.
 */
final class LoopbackOidcIssuer implements AutoCloseable {
  static final String CLIENT_ID = "greenroom-itest";
  static final String CLIENT_SECRET = "itest-secret";
  static final String EMAIL = "ada.lovelace@example.com";

  private record Grant(String redirectUri, String challenge, String nonce) {}

  private final ServerSocket server;
  private final String base;
  private final KeyPair key;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-oidc-issuer");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
  final AtomicInteger pkceVerified = new AtomicInteger();
  final AtomicInteger authorizations = new AtomicInteger();

  LoopbackOidcIssuer(int port) throws Exception {
    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    base = "http://127.0.0.1:" + server.getLocalPort();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    key = g.generateKeyPair();
    pool.execute(this::acceptLoop);
  }

  String metadataUrl() {
    return base + "/.well-known/openid-configuration";
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        pool.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(10_000);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String requestLine = line(in);
      if (requestLine == null || requestLine.isEmpty()) {
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int c = h.indexOf(':');
        headers.put(h.substring(0, c).trim().toLowerCase(), h.substring(c + 1).trim());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      String[] parts = requestLine.split(" ");
      String target = parts[1];
      int q = target.indexOf('?');
      String path = q < 0 ? target : target.substring(0, q);
      Map<String, String> query = form(q < 0 ? "" : target.substring(q + 1));
      Response r = handle(parts[0], path, query, headers, new String(body, StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      byte[] bytes = r.body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("HTTP/1.1 " + r.status + " X\r\n");
      head.append("Content-Type: ").append(r.contentType).append("\r\n");
      head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\nCache-Control: no-store\r\n");
      if (r.location != null) {
        head.append("Location: ").append(r.location).append("\r\n");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
    } catch (Exception e) {
      // a connection the browser opened and dropped: nothing to answer
    }
  }

  private record Response(int status, String contentType, String body, String location) {
    static Response json(int status, Object body) {
      return new Response(status, "application/json", MiniJson.write(body), null);
    }
  }

  private Response handle(String method, String path, Map<String, String> query, Map<String, String> headers, String body)
      throws Exception {
    switch (path) {
      case "/.well-known/openid-configuration" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", base);
        m.put("authorization_endpoint", base + "/authorize");
        m.put("token_endpoint", base + "/token");
        m.put("userinfo_endpoint", base + "/userinfo");
        m.put("jwks_uri", base + "/jwks");
        m.put("response_types_supported", List.of("code"));
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", List.of("RS256"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        return Response.json(200, m);
      }
      case "/jwks" -> {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", "itest-1");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64(unsigned(pub.getModulus().toByteArray())));
        jwk.put("e", b64(unsigned(pub.getPublicExponent().toByteArray())));
        return Response.json(200, Map.of("keys", List.of(jwk)));
      }
      case "/authorize" -> {
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
            || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
            || query.get("redirect_uri") == null || query.get("state") == null) {
          return new Response(400, "text/plain", "bad authorization request: " + query, null);
        }
        authorizations.incrementAndGet();
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("redirect_uri"), query.get("code_challenge"), query.get("nonce")));
        String location = query.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(query.get("state"));
        return new Response(302, "text/plain", "", location);
      }
      case "/token" -> {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
            (enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(method) || !expected.equals(headers.get("authorization"))) {
          return Response.json(401, Map.of("error", "invalid_client"));
        }
        Map<String, String> f = form(body);
        Grant grant = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (!"authorization_code".equals(f.get("grant_type")) || grant == null
            || !grant.redirectUri().equals(f.get("redirect_uri"))) {
          return Response.json(400, Map.of("error", "invalid_grant"));
        }
        String verifier = f.getOrDefault("code_verifier", "");
        String challenge = b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        if (!challenge.equals(grant.challenge())) {
          return Response.json(400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
        }
        pkceVerified.incrementAndGet();
        String access = UUID.randomUUID().toString();
        accessTokens.put(access, "ada");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", access);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("id_token", idToken(grant.nonce()));
        return Response.json(200, answer);
      }
      case "/userinfo" -> {
        String auth = headers.getOrDefault("authorization", "");
        if (!auth.startsWith("Bearer ") || !accessTokens.containsKey(auth.substring(7))) {
          return Response.json(401, Map.of("error", "invalid_token"));
        }
        return Response.json(200, Map.of("sub", "ada", "email", EMAIL, "name", "Ada Lovelace"));
      }
      default -> {
        return new Response(404, "text/plain", "not found", null);
      }
    }
  }

  private String idToken(String nonce) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("kid", "itest-1");
    header.put("typ", "JWT");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", base);
    claims.put("sub", "ada");
    claims.put("aud", CLIENT_ID);
    claims.put("iat", now);
    claims.put("exp", now + 300);
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    claims.put("email", EMAIL);
    String input = b64(MiniJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
        + b64(MiniJson.write(claims).getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key.getPrivate());
    rs256.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(rs256.sign());
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static Map<String, String> form(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement.length > 1 && twosComplement[0] == 0
        ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
        : twosComplement;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
