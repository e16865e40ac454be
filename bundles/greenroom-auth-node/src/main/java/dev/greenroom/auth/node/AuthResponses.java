package dev.greenroom.auth.node;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** How provider routes answer: JSON, and the popup's web message page. */
public final class AuthResponses {
  private AuthResponses() {}

  public static void json(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * The popup flow's answer, as upstream's {@code sendWebMessageResponse}
   * (plugins/auth-node/src/flow/sendWebMessageResponse.ts): a page whose one script (allowed by its
   * hash in the CSP) posts {@code message} to the opener at {@code appOrigin} and closes.
   */
  public static void webMessage(HttpServletResponse response, String appOrigin, Map<String, Object> message)
      throws IOException {
    String data = encodeURIComponent(JSONObjectUtils.toJSONString(message));
    String origin = encodeURIComponent(appOrigin);
    String script = "\n    var authResponse = decodeURIComponent('" + data + "');\n"
        + "    var origin = decodeURIComponent('" + origin + "');\n"
        + "    var originInfo = {'type': 'config_info', 'targetOrigin': origin};\n"
        + "    (window.opener || window.parent).postMessage(originInfo, '*');\n"
        + "    (window.opener || window.parent).postMessage(JSON.parse(authResponse), origin);\n"
        + "    setTimeout(() => {\n      window.close();\n    }, 100);\n  ";
    String hash;
    try {
      hash = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] body = ("<html><body><script>" + script + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("text/html; charset=utf-8");
    response.setHeader("X-Frame-Options", "sameorigin");
    response.setHeader("Content-Security-Policy", "script-src 'sha256-" + hash + "'");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** JavaScript's encodeURIComponent, and {@code '} as {@code %27} (upstream's safelyEncodeURIComponent). */
  static String encodeURIComponent(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%21", "!")
        .replace("%28", "(")
        .replace("%29", ")")
        .replace("%7E", "~")
        .replace("%2A", "*")
        .replace("'", "%27");
  }
}
