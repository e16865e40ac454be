package dev.greenroom.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The suite's HTTP client: GET with an optional bearer token, bounded by timeouts; bodies parsed as JSON when they are. */
final class FleetHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  /** Status, raw body, the body as JSON (a missing node if it is not JSON) and the time the call took. */
  record Answer(int status, String body, JsonNode json, double millis) {
    /** {@code error.name}, {@code error.message}, {@code response.statusCode} of a Backstage error body. */
    String error() {
      return json.path("error").path("name").asText() + ": " + json.path("error").path("message").asText()
          + " (" + json.path("response").path("statusCode").asText() + ")";
    }

    /** The body of the call a probe or relay route made, parsed. */
    JsonNode inner() {
      return parse(json.path("body").asText());
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private FleetHttp() {}

  static Answer get(String url) {
    return get(url, null);
  }

  static Answer get(String url, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - start) / 1e6;
      return new Answer(response.statusCode(), response.body(), parse(response.body()), millis);
    } catch (IOException e) {
      return new Answer(-1, e.toString(), JSON.missingNode(), (System.nanoTime() - start) / 1e6);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException | RuntimeException e) {
      return JSON.missingNode();
    }
  }
}
