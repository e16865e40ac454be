package dev.greenroom.auth.node;

import dev.greenroom.backend.api.errors.NotImplementedError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A provider's routes below {@code /api/auth/<providerId>} (Backstage's {@code
 * AuthProviderRouteHandlers}): {@code GET /start}, {@code GET|POST /handler/frame}, {@code GET|POST
 * /refresh}, {@code POST /logout}. Unimplemented ones answer 501.
 */
public interface AuthProviderRouteHandlers {
  default void start(HttpServletRequest request, HttpServletResponse response) throws Exception {
    throw new NotImplementedError("Not implemented");
  }

  default void frameHandler(HttpServletRequest request, HttpServletResponse response) throws Exception {
    throw new NotImplementedError("Not implemented");
  }

  default void refresh(HttpServletRequest request, HttpServletResponse response) throws Exception {
    throw new NotImplementedError("Not implemented");
  }

  default void logout(HttpServletRequest request, HttpServletResponse response) throws Exception {
    response.setStatus(200);
  }
}
