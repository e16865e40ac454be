package dev.greenroom.actions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.services.ActionAttributes;
import dev.greenroom.backend.api.services.ActionsService;
import dev.greenroom.backend.api.services.ActionsServiceAction;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists and invokes actions of other plugins over HTTP, as upstream's DefaultActionsService
 * (packages/backend-defaults/src/alpha/entrypoints/actions/DefaultActionsService.ts): each plugin
 * in {@code backend.actions.pluginSources} is reached at its discovery base URL with a plugin
 * request token on behalf of the caller; {@code backend.actions.filter} narrows the list.
 */
public final class DefaultActionsService implements ActionsService {
  // One client for the bundle, as greenroom-auth's user-info client: its threads belong to this
  // bundle, not to the plugin whose init happened to create the first service instance.
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  // Bounds every call; an action slower than this is reported as failed to its caller.
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final DiscoveryService discovery;
  private final AuthService auth;
  private final RootConfigService config;
  private final LoggerService logger;

  public DefaultActionsService(DiscoveryService discovery, AuthService auth, RootConfigService config, LoggerService logger) {
    this.discovery = discovery;
    this.auth = auth;
    this.config = config;
    this.logger = logger;
  }

  @Override
  public List<ActionsServiceAction> list(BackstageCredentials<?> credentials) {
    List<String> sources = config.getOptionalStringArray("backend.actions.pluginSources").orElse(List.of());
    ActionFilter filter = ActionFilter.from(config.getOptionalConfig("backend.actions.filter"));
    List<ActionsServiceAction> actions = new ArrayList<>();
    for (String source : sources) {
      try {
        HttpResponse<String> response = send(source, ActionRoutes.LIST_PATH, credentials, null);
        if (response.statusCode() / 100 != 2) {
          throw RemoteErrors.of(response.statusCode(), response.body(), source);
        }
        for (JsonNode a : Json.MAPPER.readTree(response.body()).path("actions")) {
          ActionsServiceAction action = toAction(a);
          if (filter.accepts(action)) {
            actions.add(action);
          }
        }
      } catch (RuntimeException | IOException e) {
        logger.warn("Failed to fetch actions from " + source, e);
      }
    }
    return actions;
  }

  @Override
  public Object invoke(String id, Map<String, Object> input, BackstageCredentials<?> credentials) {
    int colon = id.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("Invalid action id: " + id);
    }
    String pluginId = id.substring(0, colon);
    String path = ActionRoutes.LIST_PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/invoke";
    try {
      HttpResponse<String> response =
          send(pluginId, path, credentials, Json.MAPPER.writeValueAsString(input == null ? Map.of() : input));
      if (response.statusCode() / 100 != 2) {
        throw RemoteErrors.of(response.statusCode(), response.body(), pluginId);
      }
      return Json.MAPPER.convertValue(Json.MAPPER.readTree(response.body()).path("output"), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to invoke action \"" + id + "\": " + e.getMessage(), e);
    }
  }

  private HttpResponse<String> send(String pluginId, String path, BackstageCredentials<?> credentials, String jsonBody)
      throws IOException {
    String token = auth.getPluginRequestToken(credentials, pluginId).token();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discovery.getBaseUrl(pluginId) + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    if (jsonBody != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while calling plugin '" + pluginId + "'", e);
    }
  }

  private static ActionsServiceAction toAction(JsonNode a) {
    JsonNode attributes = a.path("attributes");
    return new ActionsServiceAction(
        a.path("id").asText(),
        a.path("name").asText(),
        a.path("title").asText(),
        a.path("description").asText(),
        a.path("pluginId").asText(),
        new ActionAttributes(
            attributes.path("destructive").asBoolean(true),
            attributes.path("idempotent").asBoolean(false),
            attributes.path("readOnly").asBoolean(false)),
        schema(a.path("schema").path("input")),
        schema(a.path("schema").path("output")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(JsonNode node) {
    return node.isObject() ? Json.MAPPER.convertValue(node, Map.class) : Map.of("type", "object", "properties", Map.of());
  }
}
