package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.AuthService;
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
 * {@link BackendFetch} over real HTTP to the plugin's internal base URL ({@code core.discovery}),
 * authenticated with a service token of the {@code app} plugin for the target plugin ({@code
 * core.auth}). Going through HTTP rather than an in-process call keeps plugins talking over the
 * network only, with the target's own auth policies and lifecycle gate applied.
 */
final class ServiceTokenFetch implements BackendFetch {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final AuthService auth;
  private final DiscoveryService discovery;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  ServiceTokenFetch(AuthService auth, DiscoveryService discovery) {
    this.auth = auth;
    this.discovery = discovery;
  }

  @Override
  public Response get(String pluginId, String path) throws IOException {
    String token = auth.getPluginRequestToken(auth.getOwnServiceCredentials(), pluginId).token();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(discovery.getBaseUrl(pluginId) + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while reading GET " + request.uri());
    }
  }
}
