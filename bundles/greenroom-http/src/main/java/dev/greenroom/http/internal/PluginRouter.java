package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One plugin instance's {@code core.httpRouter}: its auth policies, the credentials barrier, the
 * {@linkplain CookieRoutes cookie routes} and its handlers (Backstage's chain steps 3 to 6; the
 * JWKS route and the lifecycle gate are the {@link PluginSlot}'s, since they outlive the instance).
 */
public final class PluginRouter implements HttpRouterService {
  static final Set<BackstagePrincipalType> USER_OR_SERVICE =
      EnumSet.of(BackstagePrincipalType.USER, BackstagePrincipalType.SERVICE);

  private final String pluginId;
  private final HttpAuthService httpAuth;
  private final AuthService auth;
  private final boolean defaultPolicyDisabled;
  private final LoggerService logger;
  private final AuthPolicies policies = new AuthPolicies();
  private final List<MountedServlet> handlers = new CopyOnWriteArrayList<>();

  public PluginRouter(
      String pluginId, HttpAuthService httpAuth, AuthService auth, boolean defaultPolicyDisabled, LoggerService logger) {
    this.pluginId = pluginId;
    this.httpAuth = httpAuth;
    this.auth = auth;
    this.defaultPolicyDisabled = defaultPolicyDisabled;
    this.logger = logger;
  }

  @Override
  public void use(Servlet handler) {
    handlers.add(new MountedServlet(handler, pluginId + " handler " + (handlers.size() + 1)));
  }

  @Override
  public void addAuthPolicy(HttpRouterServiceAuthPolicy policy) {
    policies.add(policy);
  }

  AuthService auth() {
    return auth;
  }

  /** The barrier, then each handler in order until one answers with something other than a fresh 404. */
  void handle(HttpServletRequest request, HttpServletResponse response, String mountPath, String rest)
      throws Exception {
    String path = rest.isEmpty() ? "/" : rest;
    if (!defaultPolicyDisabled && !policies.allowsUnauthenticated(path)) {
      httpAuth.credentials(request, USER_OR_SERVICE, policies.allowsCookie(path));
    }
    if (CookieRoutes.serve(path, request, response, httpAuth, auth)) {
      return;
    }
    for (MountedServlet handler : handlers) {
      PassOn passOn = new PassOn(response);
      handler.service(request, passOn, mountPath, rest);
      if (response.isCommitted() || response.getStatus() != 404) {
        return;
      }
      passOn.forget();
    }
    throw new dev.greenroom.backend.api.errors.NotFoundError(
        "Not found: " + request.getMethod() + " " + request.getRequestURI());
  }

  /** Shutdown: destroys the handlers (their servlets' {@code destroy}). */
  public void destroy() {
    for (MountedServlet h : handlers) {
      try {
        h.destroy();
      } catch (RuntimeException e) {
        logger.warn("Servlet destroy failed for plugin " + pluginId, e);
      }
    }
  }

  /**
   * What a handler sees. Turns its {@code sendError(404)} into a plain, still uncommitted 404
   * status, and can forget what it did (Express's {@code next()}), keeping the headers the chain
   * set before it. Those headers are copied only when the handler is about to change the response
   * beyond its status, so a handler that answers, the usual case, costs no copy.
   */
  private static final class PassOn extends HttpServletResponseWrapper {
    private final HttpServletResponse response;
    private List<Map.Entry<String, String>> chainHeaders;

    PassOn(HttpServletResponse response) {
      super(response);
      this.response = response;
    }

    /** Undoes this handler's 404: its status, and its headers and body if it touched them. */
    void forget() {
      if (chainHeaders == null) {
        response.setStatus(200);
        return;
      }
      response.reset();
      chainHeaders.forEach(h -> response.addHeader(h.getKey(), h.getValue()));
    }

    private void touching() {
      if (chainHeaders == null) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
          for (String value : response.getHeaders(name)) {
            out.add(Map.entry(name, value));
          }
        }
        chainHeaders = out;
      }
    }

    @Override
    public void sendError(int sc) throws IOException {
      sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      if (sc == 404 && !isCommitted()) {
        setStatus(404);
        return;
      }
      touching();
      super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      touching();
      super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
      touching();
      super.sendRedirect(location, sc, clearBuffer);
    }

    @Override
    public void addCookie(Cookie cookie) {
      touching();
      super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
      touching();
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      touching();
      super.addHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
      touching();
      super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
      touching();
      super.addDateHeader(name, date);
    }

    @Override
    public void setIntHeader(String name, int value) {
      touching();
      super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
      touching();
      super.addIntHeader(name, value);
    }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
      touching();
      super.setTrailerFields(supplier);
    }

    @Override
    public void setContentType(String type) {
      touching();
      super.setContentType(type);
    }

    @Override
    public void setCharacterEncoding(String charset) {
      touching();
      super.setCharacterEncoding(charset);
    }

    @Override
    public void setCharacterEncoding(Charset charset) {
      touching();
      super.setCharacterEncoding(charset);
    }

    @Override
    public void setContentLength(int len) {
      touching();
      super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
      touching();
      super.setContentLengthLong(len);
    }

    @Override
    public void setLocale(Locale locale) {
      touching();
      super.setLocale(locale);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      touching();
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      touching();
      return super.getWriter();
    }

    @Override
    public void setBufferSize(int size) {
      touching();
      super.setBufferSize(size);
    }

    @Override
    public void flushBuffer() throws IOException {
      touching();
      super.flushBuffer();
    }

    @Override
    public void reset() {
      touching();
      super.reset();
    }

    @Override
    public void resetBuffer() {
      touching();
      super.resetBuffer();
    }
  }
}
