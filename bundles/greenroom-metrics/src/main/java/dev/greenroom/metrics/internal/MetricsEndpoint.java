package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.metrics.PrometheusMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * {@code GET /api/metrics}: every series in the Prometheus text format 0.0.4. Only service
 * principals may read it (a static token from {@code backend.auth.externalAccess}, as Prometheus
 * scrapers use, or another plugin's service token); users get 403 and a request without credentials
 * 401, unless {@code backend.metrics.allowUnauthenticated} is true (docs/metrics.md).
 */
final class MetricsEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final transient PrometheusMetrics metrics;
  private final transient HttpAuthService httpAuth;
  private final boolean unauthenticated;

  MetricsEndpoint(PrometheusMetrics metrics, HttpAuthService httpAuth, boolean unauthenticated) {
    this.metrics = metrics;
    this.httpAuth = httpAuth;
    this.unauthenticated = unauthenticated;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String rest = request.getPathInfo();
    if (rest != null && !rest.isEmpty() && !rest.equals("/")) {
      throw new NotFoundError("Not found: GET " + request.getRequestURI());
    }
    if (!unauthenticated) {
      httpAuth.credentials(request, EnumSet.of(BackstagePrincipalType.SERVICE), false);
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType(CONTENT_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
