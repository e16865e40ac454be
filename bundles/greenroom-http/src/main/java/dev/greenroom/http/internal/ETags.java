package dev.greenroom.http.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Express's ETags on whole bodies ({@code res.send}/{@code res.json}: Backstage's JSON answers,
 * errors included): a weak tag {@code W/"<length in hex>-<first 27 base64 characters of the
 * body's SHA-1>"} (the {@code etag} package with {@code weak: true}), and 304 Not Modified, without
 * a body, when a {@code GET} or {@code HEAD} that would answer 2xx carries a matching {@code
 * If-None-Match} (the {@code fresh} package: {@code *} or any listed tag, compared weakly; {@code
 * Cache-Control: no-cache} in the request disables it). Streamed answers (a servlet writing its own
 * body) get none, as {@code res.write} in Express.
 */
public final class ETags {
  private ETags() {}

  /** Express's weak ETag of {@code body}. */
  public static String weak(byte[] body) {
    byte[] sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
    String hash = Base64.getEncoder().encodeToString(sha1).substring(0, 27);
    return "W/\"" + Integer.toHexString(body.length) + "-" + hash + "\"";
  }

  /**
   * Whether the client's copy is fresh: a GET or HEAD with {@code If-None-Match} naming {@code
   * etag} (or {@code *}), answered with {@code status} 2xx or 304, without {@code Cache-Control:
   * no-cache}.
   */
  public static boolean fresh(HttpServletRequest request, int status, String etag) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    if ((status < 200 || status >= 300) && status != 304) {
      return false;
    }
    String noneMatch = request.getHeader("If-None-Match");
    if (noneMatch == null || noneMatch.isBlank()) {
      return false;
    }
    String cacheControl = request.getHeader("Cache-Control");
    if (cacheControl != null && cacheControl.matches("(?i).*(?:^|,)\\s*no-cache\\s*(?:,|$).*")) {
      return false;
    }
    if (noneMatch.trim().equals("*")) {
      return true;
    }
    String ours = opaque(etag);
    for (String tag : noneMatch.split(",")) {
      if (opaque(tag.trim()).equals(ours)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /**
   * Writes a whole JSON body as Express's {@code res.json}: status, content type, length and a weak
   * ETag (unless the handler set one), or 304 without a body when the client's copy is fresh.
   */
  public static void writeJson(HttpServletRequest request, HttpServletResponse response, int status, byte[] json)
      throws IOException {
    String etag = response.getHeader("ETag");
    if (etag == null) {
      etag = weak(json);
      response.setHeader("ETag", etag);
    }
    if (fresh(request, status, etag)) {
      response.setStatus(304);
      return;
    }
    response.setStatus(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }


}
