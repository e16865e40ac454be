package dev.greenroom.auth.backend.module.guest.internal;

import dev.greenroom.auth.node.AuthProviderFactoryContext;
import dev.greenroom.auth.node.AuthProviderRouteHandlers;
import dev.greenroom.auth.node.AuthResponses;
import dev.greenroom.auth.node.BackstageIdentityResponse;
import dev.greenroom.auth.node.RedirectUrls;
import dev.greenroom.backend.api.errors.NotImplementedError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provider {@code guest} (upstream: createGuestAuthRouteHandlers.ts and the guest sign-in resolver):
 * every sign-in is {@code auth.providers.guest.userEntityRef} (default {@code
 * user:development/guest}) owning {@code ownershipEntityRefs} (default itself). Refused unless
 * {@code auth.environment} is {@code development} or {@code dangerouslyAllowOutsideDevelopment} is
 * true (upstream tests NODE_ENV; Greenroom has none, so it reads {@code auth.environment}).
 *
 * <p>Routes: {@code /start} goes on to {@code /handler/frame}; {@code /handler/frame} answers the
 * popup with a web message or, Greenroom's addition for the server-rendered app, with {@code
 * flow=redirect&redirectUrl=...} sets the user cookie and redirects there; {@code /refresh} answers
 * the session as JSON; {@code /logout} 200.
 */
final class GuestProvider implements AuthProviderRouteHandlers {
  static final String REFUSED =
      "The guest provider is NOT recommended for use outside of a development environment. If you want to enable this, "
          + "set `auth.providers.guest.dangerouslyAllowOutsideDevelopment: true` in your app config.";

  private final AuthProviderFactoryContext ctx;
  private final String userEntityRef;
  private final List<String> ownership;
  private final boolean allowed;

  GuestProvider(AuthProviderFactoryContext ctx) {
    this.ctx = ctx;
    this.userEntityRef = ctx.config().getOptionalString("userEntityRef").orElse("user:development/guest");
    this.ownership = ctx.config().getOptionalStringArray("ownershipEntityRefs").orElse(List.of(userEntityRef));
    this.allowed = "development".equals(ctx.environment())
        || ctx.config().getOptionalBoolean("dangerouslyAllowOutsideDevelopment").orElse(false);
  }

  /** The sign-in response: profile, providerInfo and backstageIdentity. */
  Map<String, Object> createGuestSession() {
    if (!allowed) {
      throw new NotImplementedError(REFUSED);
    }
    String token = ctx.resolverContext().issueToken(userEntityRef, ownership);
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("profile", Map.of("displayName", "Guest"));
    session.put("providerInfo", Map.of());
    session.put("backstageIdentity", BackstageIdentityResponse.of(token, ctx.clock()));
    return session;
  }

  @Override
  public void start(HttpServletRequest request, HttpServletResponse response) {
    // "We are the auth provider for guests, skip this step." The query (flow, redirectUrl) goes along.
    String query = request.getQueryString();
    response.setStatus(302);
    response.setHeader("Location", "handler/frame" + (query == null ? "" : "?" + query));
    response.setContentLength(0);
  }

  @Override
  public void frameHandler(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if ("redirect".equals(request.getParameter("flow"))) {
      String redirectUrl = redirectUrl(request.getParameter("redirectUrl"));
      try {
        Map<String, Object> session = createGuestSession();
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) session.get("backstageIdentity");
        ctx.userCookie().issue(response, (String) identity.get("token"));
        redirect(response, redirectUrl);
      } catch (RuntimeException e) {
        redirect(response, ctx.appUrl() + "?error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
      }
      return;
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "authorization_response");
    try {
      message.put("response", createGuestSession());
    } catch (RuntimeException e) {
      message.put("error", Map.of("name", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
    }
    AuthResponses.webMessage(response, ctx.appUrl(), message);
  }

  @Override
  public void refresh(HttpServletRequest request, HttpServletResponse response) throws IOException {
    AuthResponses.json(response, 200, createGuestSession());
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response) {
    // "If we don't send a response or it gets cached into a 204, the page will hang."
    response.setStatus(200);
    response.setContentLength(0);
  }

  /** The redirect flow's target: an http(s) URL of an allowed origin (upstream's parseRedirectUrl). */
  String redirectUrl(String value) {
    return RedirectUrls.parse(value, ctx.isOriginAllowed());
  }

  private static void redirect(HttpServletResponse response, String location) {
    response.setStatus(302);
    response.setHeader("Location", location);
    response.setContentLength(0);
  }
}
