package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.InputError;

/**
 * Refuses request paths that could be read differently by two layers: dot segments ({@code ..},
 * {@code .}), encoded separators ({@code %2F}, {@code %5C}), encoded dots or percent signs,
 * path parameters ({@code ;}), backslashes and empty segments. Jetty already rejects most of them;
 * this is the router's own guarantee that a request for {@code /api/a/...} never reaches another
 * plugin's mount, whatever the container's URI compliance mode is.
 */
public final class PathGuard {
  public static final String MESSAGE = "Invalid request path";

  private PathGuard() {}

  /** @throws InputError {@value #MESSAGE} for a suspicious raw request URI */
  public static void check(String rawUri) {
    if (!isSafe(rawUri)) {
      throw new InputError(MESSAGE);
    }
  }

  /** One pass over the raw URI, no allocation: every request goes through here. */
  static boolean isSafe(String rawUri) {
    if (rawUri == null || rawUri.isEmpty() || rawUri.charAt(0) != '/') {
      return false;
    }
    int n = rawUri.length();
    int segmentStart = 1;
    for (int i = 1; i <= n; i++) {
      char c = i < n ? rawUri.charAt(i) : '/';
      if (c == '/') {
        int len = i - segmentStart;
        if (len == 0 && i < n) {
          return false; // "//": an empty segment
        }
        if ((len == 1 || len == 2) && isDots(rawUri, segmentStart, len)) {
          return false;
        }
        segmentStart = i + 1;
      } else if (c == ';' || c == '\\') {
        return false;
      } else if (c == '%' && isForbiddenEscape(rawUri, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDots(String s, int from, int len) {
    return s.charAt(from) == '.' && (len == 1 || s.charAt(from + 1) == '.');
  }

  /** {@code %2F}, {@code %5C}, {@code %2E}, {@code %25} and {@code %00}, in either case. */
  private static boolean isForbiddenEscape(String s, int percent) {
    if (percent + 2 >= s.length()) {
      return false;
    }
    char hi = s.charAt(percent + 1);
    char lo = Character.toLowerCase(s.charAt(percent + 2));
    return (hi == '2' && (lo == 'f' || lo == 'e' || lo == '5'))
        || (hi == '5' && lo == 'c')
        || (hi == '0' && lo == '0');
  }
}
