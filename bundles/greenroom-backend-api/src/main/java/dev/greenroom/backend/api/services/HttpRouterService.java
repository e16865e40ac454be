package dev.greenroom.backend.api.services;

import jakarta.servlet.Servlet;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's HTTP router, mounted at {@code /api/<pluginId>}. Backstage's {@code HttpRouterService}
 * ({@code core.httpRouter}), with a servlet in place of an Express handler. Requests pass the
 * plugin's lifecycle gate and the credentials barrier (user or service credentials required unless
 * an {@link HttpRouterServiceAuthPolicy} exempts the path) before reaching the handlers.
 */
@ProviderType
public interface HttpRouterService {
  /**
   * Adds a handler for requests below {@code /api/<pluginId>}; the part after that prefix is the
   * request's path info. Handlers are consulted in the order added: one that leaves the response
   * uncommitted with status 404 passes the request on, like Express's {@code next()}. The router
   * calls the servlet's {@code init} before its first request and {@code destroy} when the plugin
   * stops.
   */
  void use(Servlet handler);

  /**
   * Relaxes the credentials barrier for a path prefix (relative to {@code /api/<pluginId>}).
   *
   * @throws IllegalArgumentException {@code Invalid auth policy} for an unknown {@code allow} value
   */
  void addAuthPolicy(HttpRouterServiceAuthPolicy policy);
}
