package dev.greenroom.backend.test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response from a {@link TestBackend}: status, headers and body, the body also as JSON (Jackson). */
public final class TestResponse {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpResponse<String> response;

  TestResponse(HttpResponse<String> response) {
    this.response = response;
  }

  public int status() {
    return response.statusCode();
  }

  /** The first value of header {@code name} (case-insensitive), or empty. */
  public Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  /** Every header, names in lower case. */
  public Map<String, List<String>> headers() {
    return response.headers().map();
  }

  /** The body as text. */
  public String body() {
    return response.body();
  }

  /** The body parsed as JSON. */
  public JsonNode json() {
    return read(new TypeReference<JsonNode>() {});
  }

  /** The body as JSON mapped to {@code type} (a record, {@code Map.class}, {@code List.class}...). */
  public <T> T json(Class<T> type) {
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new AssertionError(notJson(e), e);
    }
  }

  /** The body as a JSON object: {@code Map<String, Object>} of Strings, Numbers, Booleans, Lists and Maps. */
  public Map<String, Object> jsonMap() {
    return read(new TypeReference<Map<String, Object>>() {});
  }

  /** The body as a JSON array of objects. */
  public List<Map<String, Object>> jsonList() {
    return read(new TypeReference<List<Map<String, Object>>>() {});
  }

  private <T> T read(TypeReference<T> type) {
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new AssertionError(notJson(e), e);
    }
  }

  private String notJson(IOException e) {
    return "Response of " + response.request().method() + " " + response.request().uri() + " (" + status()
        + ") is not the JSON expected: " + e.getMessage() + "\nBody: " + response.body();
  }

  @Override
  public String toString() {
    return status() + " " + response.body();
  }
}
