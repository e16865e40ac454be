package dev.greenroom.backend.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenroom.backend.api.services.BackstageCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One request to a {@link TestBackend}, built supertest-style and sent with {@link #send()}:
 *
 * <pre>{@code
 * TestResponse r = backend.http().post("/api/todo/todos")
 *     .credentials(MockCredentials.user("user:default/alice"))
 *     .json(Map.of("title", "milk"))
 *     .send();
 * assertEquals(201, r.status());
 * }</pre>
 *
 * Without {@link #credentials}, the request carries no {@code Authorization} header, which the
 * backend's mock httpAuth reads as its default credentials (the mock user unless {@link
 * TestBackend.Builder#defaultCredentials} says otherwise); {@code
 * credentials(MockCredentials.none())} sends the explicit none header instead.
 */
public final class TestRequest {
  private final HttpClient client;
  private final HttpRequest.Builder request;
  private final String method;
  private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

  TestRequest(HttpClient client, URI uri, String method) {
    this.client = client;
    this.method = method;
    this.request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
  }

  /** Adds a header. */
  public TestRequest header(String name, String value) {
    request.header(name, value);
    return this;
  }

  /** Sends {@code credentials} as the mock token the backend's mock httpAuth turns back into them. */
  public TestRequest credentials(BackstageCredentials<?> credentials) {
    return header("Authorization", MockCredentials.header(credentials));
  }

  /** Sends a {@code Cookie} header, e.g. {@link MockCredentials.LimitedUser#cookie()}. */
  public TestRequest cookie(String cookie) {
    return header("Cookie", cookie);
  }

  /** A JSON body (Jackson-serialised) with {@code Content-Type: application/json}. */
  public TestRequest json(Object value) {
    try {
      return body(TestResponse.JSON.writeValueAsString(value), "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the request body as JSON: " + e.getMessage(), e);
    }
  }

  /** A text body with this {@code Content-Type}. */
  public TestRequest body(String text, String contentType) {
    header("Content-Type", contentType);
    this.body = HttpRequest.BodyPublishers.ofString(text);
    return this;
  }

  /** Sends the request and waits for the whole response (at most 30 s). */
  public TestResponse send() {
    try {
      HttpResponse<String> response =
          client.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
      return new TestResponse(response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + request.build().uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + method + " " + request.build().uri(), e);
    }
  }
}
