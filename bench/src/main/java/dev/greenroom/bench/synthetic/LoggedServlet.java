package dev.greenroom.bench.synthetic;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet plus Backstage's default middleware done by hand, the simplest way: helmet's headers
 * as Greenroom sends them by default, and after answering, one {@code info} line in Backstage's
 * request-log format through SLF4J (pax-logging, the backend's console), on the request thread.
 */
final class LoggedServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("bareLogged");
  /** Greenroom's default security headers (greenroom-http SecurityHeaders), as literals. */
  private static final String[][] HELMET = {
    {"Content-Security-Policy", "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
        + "frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self' 'unsafe-eval';"
        + "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests"},
    {"Referrer-Policy", "no-referrer"},
    {"Strict-Transport-Security", "max-age=15552000; includeSubDomains"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-DNS-Prefetch-Control", "off"},
    {"X-Download-Options", "noopen"},
    {"X-Frame-Options", "SAMEORIGIN"},
    {"X-Permitted-Cross-Domain-Policies", "none"},
    {"X-XSS-Protection", "0"},
  };
  private final HttpServlet delegate;

  LoggedServlet(HttpServlet delegate) {
    this.delegate = delegate;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    for (String[] header : HELMET) {
      resp.addHeader(header[0], header[1]);
    }
    try {
      delegate.service(req, resp);
    } catch (jakarta.servlet.ServletException e) {
      throw new IOException(e);
    }
    String agent = req.getHeader("User-Agent");
    String referrer = req.getHeader("Referer");
    LOG.info("[" + Instant.now() + "] \"" + req.getMethod() + " " + req.getRequestURI() + " " + req.getProtocol()
        + "\" " + resp.getStatus() + " " + resp.getHeader("Content-Length") + " \""
        + (referrer == null ? "-" : referrer) + "\" \"" + (agent == null ? "-" : agent) + "\"");
  }
}
