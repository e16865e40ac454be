package ${package}.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.node.${pluginName}ExtensionPoints;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.backend.test.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plugin on a test backend (Backstage's {@code startTestBackend}): Greenroom's HTTP stack, mock
 * auth and an in-memory H2 database, requests against its routes (greenroom-backend-test,
 * Greenroom's docs/testing.md).
 */
@Timeout(60)
class ${pluginName}PluginTest {
  private static final String ALICE = "user:default/alice";

  @Test
  void healthAnswersOkWithoutCredentials() {
    try (TestBackend backend = TestBackend.start(new ${pluginName}Plugin())) {
      TestResponse health = backend.http().get("/api/${pluginId}/health").credentials(MockCredentials.none()).send();

      assertEquals(200, health.status());
      assertEquals(Map.of("status", "ok"), health.jsonMap());
    }
  }

  @Test
  void itemsNeedCredentials() {
    try (TestBackend backend = TestBackend.start(new ${pluginName}Plugin())) {
      TestResponse denied = backend.http().get("/api/${pluginId}/items").credentials(MockCredentials.none()).send();

      assertEquals(401, denied.status());
      assertEquals("Missing credentials", denied.json().path("error").path("message").asText());
    }
  }

  @Test
  void createdItemsAreStoredAndListed() {
    try (TestBackend backend = TestBackend.start(new ${pluginName}Plugin())) {
      TestResponse created = backend.http().post("/api/${pluginId}/items")
          .credentials(MockCredentials.user(ALICE))
          .json(Map.of("title", "Write tests"))
          .send();
      assertEquals(201, created.status(), created.body());
      assertEquals("Write tests", created.jsonMap().get("title"));
      assertEquals(ALICE, created.jsonMap().get("createdBy"));

      TestResponse items = backend.http().get("/api/${pluginId}/items").credentials(MockCredentials.service()).send();
      assertEquals(200, items.status(), items.body());
      assertEquals(List.of(created.jsonMap()), items.jsonMap().get("items"));
    }
  }

  @Test
  void aModuleValidatorCanRefuseATitle() {
    // a module of this plugin, written inline: it adds a validator through the extension point
    BackendModule noShouting = BackendModule.create("${pluginId}", "no-shouting", env ->
        env.registerInit(${pluginName}ExtensionPoints.VALIDATORS, validators -> validators.addValidator(
            title -> title.equals(title.toUpperCase()) ? "Please do not shout" : null)));
    try (TestBackend backend = TestBackend.start(new ${pluginName}Plugin(), noShouting)) {
      TestResponse refused = backend.http().post("/api/${pluginId}/items").json(Map.of("title", "HELLO")).send();
      assertEquals(400, refused.status());
      assertEquals("Please do not shout", refused.json().path("error").path("message").asText());

      assertEquals(201, backend.http().post("/api/${pluginId}/items").json(Map.of("title", "Hello")).send().status());
    }
  }

  @Test
  void theGreetingComesFromConfig() {
    try (TestBackend backend = TestBackend.builder()
        .config(Map.of("${pluginId}", Map.of("greeting", "Hi from the test")))
        .add(new ${pluginName}Plugin())
        .start()) {
      assertTrue(backend.logs().messages().contains("Hi from the test (0 validator(s))"),
          backend.logs().messages().toString());
    }
  }
}
