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
    if (clientGone(error)) {
      // the connection closed under the answer (the client left, or the server stopped for a
      // restart): nothing can be said to anyone, and it is no server error (Express neither)
      logger.debug("The connection closed during " + request.getMethod() + " " + originalUrlOf(request) + ": " + error);
      return;
    }
    int status = statusOf(error);
    // RefusedRequest: the slot logs its cause once per change, not once per request
    if (status >= 500 && !(error instanceof RefusedRequest)) {
      logger.error("Request failed with status " + status + ": " + request.getMethod() + " " + originalUrlOf(request), error);
    }
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    UnreadBody.beforeAnswer(request, response);
    Json.write(request, response, status, body(request, error, status));
  }

  /**
   * Whether {@code error} says the request's connection is gone: Jetty's {@code EofException}
   * among its causes, which Jetty's server throws into a read or write on a connection the peer or
   * the server closed (matched by name: Jetty is an optional import). Not a {@link
   * java.nio.channels.ClosedChannelException} or an {@link java.io.EOFException} alone: a plugin's
   * own database or Redis connection throws those, and that is a server error to report.
   */
  static boolean clientGone(Throwable error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Backstage's {@code request.url} in an error body: the URL as the router that answered saw it.
   * Express strips a router's mount path from {@code req.url}, and a plugin's errors are answered
   * by its own error handler, inside the router mounted at {@code /api/<pluginId>}
   * (packages/backend-defaults/src/entrypoints/httpRouter/httpRouterServiceFactory.ts): so a
   * plugin's error shows {@code /items/42?x=1}, the root's {@code /api/nope/x}. Here: the raw URI
   * after the request's context and servlet path (the slot servlet is called with servlet path
   * {@code /api/<pluginId>}, the root dispatcher with none), {@code /} when nothing is left. Token-like
   * query values are masked ({@link QueryRedaction}).
   */
  public static String urlOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    String servletPath;
    try {
      servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    } catch (IllegalArgumentException ambiguous) {
      // Jetty's ambiguous URI (a %2F let through to the path guard, PaxWebJettyXml) has no servlet
      // path (ee10 ServletApiRequest.AmbiguousURI): refused before any routing, the root's view
      servletPath = "";
    }
    int prefix = context.length() + servletPath.length();
    String relative = uri;
    if (prefix > 0) {
      if (uri.length() >= prefix && uri.regionMatches(true, context.length(), servletPath, 0, servletPath.length())) {
        relative = uri.substring(prefix);
      } else {
        // the mount prefix was percent-encoded in the request: fall back to the decoded rest
        relative = request.getPathInfo() == null ? "" : request.getPathInfo();
      }
      if (relative.isEmpty()) {
        relative = "/";
      }
    }
    return QueryRedaction.url(relative, request.getQueryString());
  }

  /** The whole request URL (Express's {@code req.originalUrl}), token-like query values masked. */
  public static String originalUrlOf(HttpServletRequest request) {
    return QueryRedaction.url(request.getRequestURI(), request.getQueryString());
  }

  /**
   * Backstage's answer when no route took the request ({@code MiddlewareFactory.notFound()}:
   * {@code res.status(404).end()}): 404 with an empty body and no content type; the security
   * headers set earlier in the chain stay.
   */
  public static void notFound(HttpServletRequest request, HttpServletResponse response) {
    response.resetBuffer();
    UnreadBody.beforeAnswer(request, response);
    response.setStatus(404);
    response.setContentType(null);
    response.setContentLength(0);
  }
}
