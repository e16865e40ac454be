package dev.greenroom.backend.api.services;

import jakarta.servlet.Servlet;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The backend's root HTTP router: mounts handlers at the server root, outside {@code
 * /api/<pluginId>}. Backstage's {@code RootHttpRouterService} ({@code core.rootHttpRouter}), with a
 * servlet in place of an Express handler. Plugins normally use {@link HttpRouterService} instead.
 */
@ProviderType
public interface RootHttpRouterService {
  /**
   * Mounts {@code handler} at {@code path}; it receives every request below it, with the remainder
   * as {@link jakarta.servlet.http.HttpServletRequest#getPathInfo() path info}. The router calls
   * the servlet's {@code init} before its first request and {@code destroy} when the route goes
   * away.
   *
   * @throws IllegalArgumentException {@code Root router path may not be empty}, or {@code Path
   *     <new> conflicts with the existing path <old>} when one path is a prefix of the other
   *     (compared with a trailing {@code /}, so {@code /a} and {@code /aa} do not clash)
   */
  void use(String path, Servlet handler);
}
