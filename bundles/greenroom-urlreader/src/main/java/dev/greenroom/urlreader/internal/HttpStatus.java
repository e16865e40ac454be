package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import java.util.Map;

/** Turns a failed HTTP answer into upstream's errors: {@code could not read <url>, 404 Not Found}. */
final class HttpStatus {
  // java.net.http gives no reason phrase; these are the ones node's fetch shows for common codes
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private HttpStatus() {}

  static RuntimeException failure(String url, int status) {
    String message = "could not read " + url + ", " + status + " " + REASONS.getOrDefault(status, "");
    message = message.stripTrailing();
    return status == 404 ? new NotFoundError(message) : new IllegalStateException(message);
  }
}
