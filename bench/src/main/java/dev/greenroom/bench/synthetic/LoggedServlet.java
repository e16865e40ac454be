package dev.greenroom.bench.synthetic;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet plus the simplest access log: after answering, one {@code info} line in Backstage's
 * request-log format through SLF4J (pax-logging, the backend's console), on the request thread.
 */
final class LoggedServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("bareLogged");
  private final HttpServlet delegate;

  LoggedServlet(HttpServlet delegate) {
    this.delegate = delegate;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
