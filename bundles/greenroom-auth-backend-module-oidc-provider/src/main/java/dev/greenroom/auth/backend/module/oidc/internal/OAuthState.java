package dev.greenroom.auth.backend.module.oidc.internal;

import dev.greenroom.backend.api.errors.NotAllowedError;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth {@code state} parameter as upstream encodes it (plugins/auth-node/src/oauth/state.ts):
 * the fields as a URL query string, hex-encoded; {@code env} and {@code nonce} are required.
 */
final class OAuthState {
  private OAuthState() {}

  static String encode(Map<String, String> state) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : state.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (q.length() > 0) {
        q.append('&');
      }
      q.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(q.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> decode(String encoded) {
    Map<String, String> state = new LinkedHashMap<>();
    String text;
    try {
      text = new String(HexFormat.of().parseHex(encoded == null ? "" : encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      text = "";
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      state.put(k, v);
    }
    if (state.getOrDefault("env", "").isEmpty()) {
      throw new NotAllowedError("OAuth state is invalid, missing env");
    }
    if (state.getOrDefault("nonce", "").isEmpty()) {
      throw new NotAllowedError("OAuth state is invalid, missing nonce");
    }
    return state;
  }
}
