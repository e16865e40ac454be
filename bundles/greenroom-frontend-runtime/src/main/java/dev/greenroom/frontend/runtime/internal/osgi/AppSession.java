package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.frontend.runtime.internal.SessionPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the visitor is, for the app: the user cookie ({@code backstage-auth}, the limited user token
 * that plugin {@code auth} sets at the end of a sign-in) read through {@code core.httpAuth}; the
 * sign-in providers to offer ({@code auth.providers}, started at {@code /api/auth/<id>/start} in
 * Backstage's redirect flow, back to the page the visitor asked for); sign-out (clears the cookie).
 */
final class AppSession {
  static final String SIGN_OUT_PATH = "/.greenroom/signout";
  private static final Map<String, String[]> KNOWN = Map.of(
      "guest", new String[] {"Guest", "Enter as a Guest User. You will not have a verified identity, meaning some features might be unavailable."},
      "oidc", new String[] {"OpenID Connect", "Sign in with your organization's OpenID Connect identity provider."});

  private final AuthService auth;
  private final HttpAuthService httpAuth;
  private final DiscoveryService discovery;
  private final Supplier<Config> config;

  AppSession(AuthService auth, HttpAuthService httpAuth, DiscoveryService discovery, Supplier<Config> config) {
    this.auth = auth;
    this.httpAuth = httpAuth;
    this.discovery = discovery;
    this.config = config;
  }

  /** The signed-in user's credentials, or null (no cookie, or one that no longer verifies). */
  BackstageCredentials<BackstageUserPrincipal> user(HttpServletRequest request) {
    try {
      BackstageCredentials<BackstagePrincipal> c = httpAuth.credentials(request, null, true);
      return c.as(BackstageUserPrincipal.class).orElse(null);
    } catch (AuthenticationError e) {
      return null;
    }
  }

  UserFetch fetchFor(BackstageCredentials<?> user) {
    return new UserFetch(auth, discovery, user);
  }

  /** The providers to offer, each starting a sign-in that comes back to {@code returnUrl}. */
  List<SessionPages.Provider> providers(String returnUrl) {
    Config c = config.get();
    String env = c.getOptionalString("auth.environment").orElse("development");
    Optional<Config> providers = c.getOptionalConfig("auth.providers");
    List<SessionPages.Provider> out = new ArrayList<>();
    if (providers.isEmpty()) {
      return out;
    }
    String authBase = discovery.getExternalBaseUrl("auth");
    for (String id : providers.get().keys()) {
      String[] text = KNOWN.getOrDefault(id, new String[] {id, "Sign in with " + id + "."});
      String start = authBase + "/" + id + "/start?env=" + enc(env) + "&flow=redirect&redirectUrl=" + enc(returnUrl);
      out.add(new SessionPages.Provider(id, text[0], text[1], start));
    }
    return out;
  }

  /** Where the sign-out form posts: the app plugin's own mount, which every method reaches. */
  String signOutAction() {
    return discovery.getExternalBaseUrl("app") + SIGN_OUT_PATH;
  }

  /** The absolute URL the visitor asked for, as the browser sees it (origin of the app's external URL). */
  String returnUrl(HttpServletRequest request) {
    URI external = URI.create(discovery.getExternalBaseUrl("app"));
    String origin = external.getScheme() + "://" + external.getRawAuthority();
    String query = request.getQueryString();
    // a failed sign-in comes back with ?error=...: not part of where to return to
    if (query != null && query.startsWith("error=")) {
      query = null;
    }
    return origin + request.getRequestURI() + (query == null ? "" : "?" + query);
  }

  /**
   * Whether a state-changing request comes from the app's own pages: Fetch Metadata first ({@code
   * Sec-Fetch-Site} must be {@code same-origin}, or {@code none} for a typed URL), else the {@code
   * Origin} header (absent, or {@code null} under the backend's {@code Referrer-Policy: no-referrer},
   * from older browsers; otherwise the app's own origin).
   */
  boolean sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") || site.equals("none");
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      return true;
    }
    URI external = URI.create(discovery.getExternalBaseUrl("app"));
    return origin.equalsIgnoreCase(external.getScheme() + "://" + external.getRawAuthority());
  }

  /** Clears the user cookie. */
  void signOut(HttpServletResponse response) {
    httpAuth.issueUserCookie(response, auth.getNoneCredentials());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
