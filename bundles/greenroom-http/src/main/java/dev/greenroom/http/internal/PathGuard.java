package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.InputError;
import java.util.Locale;

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
    if (rawUri == null || !rawUri.startsWith("/")) {
      throw new InputError(MESSAGE);
    }
    String lower = rawUri.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%25")
        || lower.contains("%00") || rawUri.indexOf(';') >= 0 || rawUri.indexOf('\\') >= 0
        || rawUri.contains("//")) {
      throw new InputError(MESSAGE);
    }
    for (String segment : rawUri.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new InputError(MESSAGE);
      }
    }
  }
}
