package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.backend.test.TestResponse;
import dev.greenroom.example.backend.module.greetings.GreetingsModule;
import dev.greenroom.example.backend.module.tags.TagsModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin's routes on Greenroom's HTTP stack, and its examples kept across a restart. */
@Timeout(60)
class ExampleRoutesTest {
  @Test
  void healthIsOpenAndExamplesNeedCredentials() {
    try (TestBackend backend =
        TestBackend.start(new ExamplePlugin(), new GreetingsModule(), new TagsModule())) {
      TestResponse health = backend.http().get("/api/example/health").credentials(MockCredentials.none()).send();
      assertEquals(200, health.status());
      assertEquals(Map.of("status", "ok"), health.jsonMap());

      TestResponse denied = backend.http().get("/api/example/examples").credentials(MockCredentials.none()).send();
      assertEquals(401, denied.status());
      assertEquals(
          Map.of(
              "error", Map.of("name", "AuthenticationError", "message", "Missing credentials"),
              "request", Map.of("method", "GET", "url", "/examples"), // plugin-relative, as Backstage
              "response", Map.of("statusCode", 401)),
          denied.jsonMap());

      TestResponse examples = backend.http().get("/api/example/examples").credentials(MockCredentials.user()).send();
      assertEquals(200, examples.status());
      assertEquals(List.of("hello (greetings)", "hola (greetings)", "tagged: greeting, demo (tags)"), names(examples));
    }
  }

  @Test
  void aRestartKeepsTheStoredExamples(@TempDir Path data) {
    // H2 files in a folder of the test's instead of the default in-memory databases
    Map<String, Object> onDisk = Map.of("backend", Map.of("database", Map.of(
        "client", "h2", "connection", Map.of("directory", data.toString()))));
    String firstSeen;
    try (TestBackend backend = TestBackend.builder().config(onDisk)
        .add(new ExamplePlugin()).add(new GreetingsModule()).add(new TagsModule()).start()) {
      List<Map<String, Object>> rows = backend.http().get("/api/example/examples").send().jsonList();
      assertEquals(3, rows.size());
      firstSeen = (String) rows.get(0).get("firstSeenAt");
    }

    // Second start on the same folder, WITHOUT the greetings module: its examples are still stored.
    try (TestBackend backend = TestBackend.builder().config(onDisk)
        .add(new ExamplePlugin()).add(new TagsModule()).start()) {
      TestResponse r = backend.http().get("/api/example/examples").send();
      assertEquals(
          List.of("hello (greetings)", "hola (greetings)", "tagged: greeting, demo (tags)", "tagged:  (tags)"),
          names(r));
      assertEquals(firstSeen, r.jsonList().get(0).get("firstSeenAt"));
    }
  }

  private static List<String> names(TestResponse r) {
    assertEquals(200, r.status(), r.body());
    return r.jsonList().stream().map(m -> m.get("name") + " (" + m.get("source") + ")").toList();
  }
}
