package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.backend.api.errors.BackstageError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.frontend.api.BackendFetch;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link BackendFetch} for one page request, on behalf of the visitor: over real HTTP to the
 * plugin's internal base URL ({@code core.discovery}) with a plugin request token that {@code
 * core.auth} issues {@code onBehalfOf} the signed-in user (the target sees a user principal and
 * applies its own auth policies and permissions). Never the app's own service token: an anonymous
 * visitor's read is not sent at all. It remembers whether a read needs sign-in (anonymous, or a
 * 401) or was refused (403), so the servlet answers with the sign-in or "not allowed" page instead
 * of what the view made of it.
 */
final class UserFetch implements BackendFetch {
  static final String SIGN_IN_REQUIRED =
      "{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Sign-in required\"},\"response\":{\"statusCode\":401}}";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** What the reads of one render ran into, worst last. */
  enum Outcome { OK, NOT_ALLOWED, SIGN_IN }

  private final AuthService auth;
  private final DiscoveryService discovery;
  private final BackstageCredentials<?> user;
  private volatile Outcome outcome = Outcome.OK;

  /** @param user the signed-in user's credentials, or null for an anonymous visitor */
  UserFetch(AuthService auth, DiscoveryService discovery, BackstageCredentials<?> user) {
    this.auth = auth;
    this.discovery = discovery;
    this.user = user;
  }

  Outcome outcome() {
    return outcome;
  }

  @Override
  public Response get(String pluginId, String path) throws IOException {
    if (user == null) {
      outcome = Outcome.SIGN_IN;
      return new Response(401, "application/json", SIGN_IN_REQUIRED);
    }
    String token;
    try {
      token = auth.getPluginRequestToken(user, pluginId).token();
    } catch (BackstageError e) {
      outcome = Outcome.SIGN_IN;
      return new Response(401, "application/json", SIGN_IN_REQUIRED);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(discovery.getBaseUrl(pluginId) + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401) {
        outcome = Outcome.SIGN_IN;
      } else if (response.statusCode() == 403 && outcome == Outcome.OK) {
        outcome = Outcome.NOT_ALLOWED;
      }
      return new Response(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while reading GET " + request.uri());
    }
  }
}
