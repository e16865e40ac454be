package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.backend.module.greetings.GreetingsModule;
import dev.greenroom.example.backend.module.tags.TagsModule;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin's routes on real HTTP, auth and H2, and its examples kept across a restart. */
@Timeout(60)
class ExampleRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void healthIsOpenAndExamplesNeedCredentials(@TempDir Path data) throws Exception {
    ExampleBackends http = new ExampleBackends(data);
    try (TestBackend backend =
        http.builder.add(new ExamplePlugin()).add(new GreetingsModule()).add(new TagsModule()).start()) {
      HttpResponse<String> health = http.get("/api/example/health");
      assertEquals(200, health.statusCode());
      assertEquals("{\"status\":\"ok\"}", health.body());

      HttpResponse<String> denied = http.get("/api/example/examples");
      assertEquals(401, denied.statusCode());
      assertEquals(
          Map.of(
              "error", Map.of("name", "AuthenticationError", "message", "Missing credentials"),
              "request", Map.of("method", "GET", "url", "/api/example/examples"),
              "response", Map.of("statusCode", 401)),
          JSON.readValue(denied.body(), Map.class));

      HttpResponse<String> examples = http.getWithToken("/api/example/examples");
      assertEquals(200, examples.statusCode());
      assertEquals(List.of("hello (greetings)", "hola (greetings)", "tagged: greeting, demo (tags)"), names(examples));
    }
  }

  @Test
  void aRestartKeepsTheStoredExamplesAndTheTagsModuleHasItsPrefixedTable(@TempDir Path data) throws Exception {
    ExampleBackends first = new ExampleBackends(data);
    String firstSeen;
    try (TestBackend backend =
        first.builder.add(new ExamplePlugin()).add(new GreetingsModule()).add(new TagsModule()).start()) {
      List<Map<String, Object>> rows = rows(first.getWithToken("/api/example/examples"));
      assertEquals(3, rows.size());
      firstSeen = (String) rows.get(0).get("firstSeenAt");
    }

    // Second start on the same data folder, WITHOUT the greetings module: its examples are still stored.
    ExampleBackends second = new ExampleBackends(data);
    try (TestBackend backend = second.builder.add(new ExamplePlugin()).add(new TagsModule()).start()) {
      HttpResponse<String> r = second.getWithToken("/api/example/examples");
      assertEquals(
          List.of("hello (greetings)", "hola (greetings)", "tagged: greeting, demo (tags)", "tagged:  (tags)"),
          names(r));
      assertEquals(firstSeen, rows(r).get(0).get("firstSeenAt"));
    }
  }

  private static List<Map<String, Object>> rows(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = JSON.readValue(r.body(), List.class);
    return rows;
  }

  private static List<String> names(HttpResponse<String> r) throws Exception {
    return rows(r).stream().map(m -> m.get("name") + " (" + m.get("source") + ")").toList();
  }
}
