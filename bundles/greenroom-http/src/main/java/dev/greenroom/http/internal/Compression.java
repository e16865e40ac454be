package dev.greenroom.http.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Backstage's compression middleware (Express {@code compression()}): gzip for clients that accept
 * it, for compressible content types, above 1 kB (or of unknown length, as a stream), unless the
 * response is already encoded or says {@code Cache-Control: no-transform}. The rules here; the
 * response side is {@link GzipResponse}.
 */
final class Compression {
  /** Express compression's default threshold. */
  static final int THRESHOLD = 1024;

  private Compression() {}

  /** Whether the client takes gzip ({@code Accept-Encoding} with gzip or {@code *}, not q=0); never HEAD. */
  static boolean accepts(HttpServletRequest request) {
    if ("HEAD".equals(request.getMethod())) {
      return false;
    }
    String accept = request.getHeader("Accept-Encoding");
    if (accept == null) {
      return false;
    }
    for (String part : accept.split(",")) {
      String[] tokens = part.trim().split(";");
      String coding = tokens[0].trim().toLowerCase(Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("*")) {
        return !isZeroQuality(tokens);
      }
    }
    return false;
  }

  private static boolean isZeroQuality(String[] tokens) {
    for (int i = 1; i < tokens.length; i++) {
      String p = tokens[i].trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2)) == 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** The compressible types of the mime database Express uses, for what a backend answers. */
  static boolean isCompressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.endsWith("+json")
        || type.endsWith("+xml")
        || type.equals("application/json")
        || type.equals("application/javascript")
        || type.equals("application/x-javascript")
        || type.equals("application/xml")
        || type.equals("application/wasm")
        || type.equals("image/svg+xml");
  }
}
