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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      PassOnResponse passOn = new PassOnResponse(response);
      handler.service(request, passOn, mountPath, rest);
      if (response.isCommitted() || response.getStatus() != 404) {
        return;
      }
      passOn.forget();
    }
    ErrorResponses.notFound(request, response);
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
}
