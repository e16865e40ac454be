package dev.greenroom.http.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers for errors the servlet container raises itself — Jetty refuses an ambiguous path ({@code
 * %2F}, {@code %5C}, a bad {@code %} escape) with its own HTML page, without the security headers,
 * before any servlet runs — and for a handler's {@code sendError}: Backstage's error body ({@code
 * {error: {name, message}, request: {method, url}, response: {statusCode}}}, the name from the
 * status as Backstage's errors carry it) with the security headers, or for 404 the empty answer of
 * Backstage's not-found handler. The embedded Jetty reaches them through its context's error page,
 * which dispatches to the root dispatcher, and its server error handler ({@link
 * ContainerErrorHandler}); Pax Web's server does not yet (docs/http.md, "Container errors").
 */
public final class ContainerErrors {
  /** An answer: status, headers (security headers and content type) and body (empty for 404). */
  public record Answer(int status, Map<String, String> headers, byte[] body) {}

  private ContainerErrors() {}

  /** The Backstage error name for a status the container chose. */
  static String nameOf(int status) {
    return switch (status) {
      case 400 -> "InputError";
      case 401 -> "AuthenticationError";
      case 403 -> "NotAllowedError";
      case 404 -> "NotFoundError";
      case 409 -> "ConflictError";
      case 413 -> "PayloadTooLargeError";
      case 501 -> "NotImplementedError";
      case 503 -> "ServiceUnavailableError";
      default -> "Error";
    };
  }

  /** The answer for {@code status}; {@code url} is the raw request URI and query, not yet redacted. */
  public static Answer answer(SecurityHeaders security, int status, String message, String method, String uri, String query) {
    Map<String, String> headers = new LinkedHashMap<>(security.headers());
    if (status == 404) {
      return new Answer(404, headers, new byte[0]);
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("name", nameOf(status));
    error.put("message", message == null || message.isBlank() ? reason(status) : message);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method);
    request.put("url", QueryRedaction.url(uri == null || uri.isEmpty() ? "/" : uri, query));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("request", request);
    body.put("response", Map.of("statusCode", status));
    headers.put("Content-Type", "application/json; charset=utf-8");
    try {
      return new Answer(status, headers, Json.MAPPER.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ERROR dispatch of the servlet container: writes {@link #answer}. */
  static void serve(HttpServletRequest request, HttpServletResponse response, SecurityHeaders security)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Answer answer = answer(security, status, message == null ? null : message.toString(), request.getMethod(),
        uri == null ? request.getRequestURI() : uri.toString(), request.getQueryString());
    response.resetBuffer();
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    response.setHeader("Cache-Control", null);
    response.setContentLength(answer.body().length);
    if (answer.body().length > 0) {
      response.getOutputStream().write(answer.body());
    }
  }

  /** Whether an ERROR dispatch is for a request that never reached a servlet (so it was not logged). */
  static boolean cameFromContainer(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME) == null;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }
}
