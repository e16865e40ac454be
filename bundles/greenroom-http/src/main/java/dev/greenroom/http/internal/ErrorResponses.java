package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.BackstageError;
import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backstage's error middleware: answers {@code {error: {name, message}, request: {method, url},
 * response: {statusCode}}}. A {@link BackstageError} gives its own status; anything else is 500.
 * Never a stack trace in the body: 5xx errors are logged with theirs instead, except the server's
 * own {@link RefusedRequest}s, whose causes are logged once per change.
 */
public final class ErrorResponses {
  private ErrorResponses() {}

  /** Unwraps servlet wrappers so that a BackstageError thrown inside a servlet keeps its status. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof ServletException || e.getClass() == RuntimeException.class)
        && e.getCause() != null
        && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }

  public static int statusOf(Throwable error) {
    return error instanceof BackstageError b ? b.statusCode() : 500;
  }

  /** The body of an error answer, as a JSON-ready map. */
  public static Map<String, Object> body(HttpServletRequest request, Throwable error, int status) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("name", error instanceof BackstageError b ? b.name() : "Error");
    String message = error.getMessage();
    err.put("message", message == null ? "" : message);
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("method", request.getMethod());
    req.put("url", urlOf(request));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", err);
    body.put("request", req);
    body.put("response", Map.of("statusCode", status));
    return body;
  }

  /**
   * Answers {@code error}; if the response is already committed nothing can be said to the client
   * and the error is only logged.
   */
  public static void send(
      HttpServletRequest request, HttpServletResponse response, Throwable thrown, LoggerService logger)
      throws IOException {
    Throwable error = unwrap(thrown);
    int status = statusOf(error);
    // RefusedRequest: the slot logs its cause once per change, not once per request
    if (status >= 500 && !(error instanceof RefusedRequest)) {
      logger.error("Request failed with status " + status + ": " + request.getMethod() + " " + urlOf(request), error);
    }
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    Json.write(response, status, body(request, error, status));
  }

  public static String urlOf(HttpServletRequest request) {
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }
}
