package ${package}.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.node.${pluginName}ExtensionPoints;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.test.TestBackend;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plugin on a test backend (Backstage's {@code startTestBackend}): real HTTP, auth and an
 * in-memory database, requests against its routes.
 */
@Timeout(60)
class ${pluginName}PluginTest {
  @Test
  void healthAnswersOkWithoutCredentials() throws Exception {
    try (${pluginName}TestBackend backend = new ${pluginName}TestBackend(Map.of())) {
      backend.start(new ${pluginName}Plugin());

      HttpResponse<String> health = backend.get("/api/${pluginId}/health", false);

      assertEquals(200, health.statusCode());
      assertEquals("{\"status\":\"ok\"}", health.body());
    }
  }

  @Test
  void itemsNeedCredentials() throws Exception {
    try (${pluginName}TestBackend backend = new ${pluginName}TestBackend(Map.of())) {
      backend.start(new ${pluginName}Plugin());

      assertEquals(401, backend.get("/api/${pluginId}/items", false).statusCode());
    }
  }

  @Test
  void createdItemsAreStoredAndListed() throws Exception {
    try (${pluginName}TestBackend backend = new ${pluginName}TestBackend(Map.of())) {
      backend.start(new ${pluginName}Plugin());

      HttpResponse<String> created = backend.post("/api/${pluginId}/items", "{\"title\":\"Write tests\"}");
      assertEquals(201, created.statusCode(), created.body());
      assertTrue(created.body().contains("\"title\":\"Write tests\""), created.body());
      assertTrue(created.body().contains("\"createdBy\":\"" + ${pluginName}TestBackend.SUBJECT + "\""), created.body());

      HttpResponse<String> items = backend.get("/api/${pluginId}/items", true);
      assertEquals(200, items.statusCode());
      assertTrue(items.body().startsWith("{\"items\":[{\"id\":1,\"title\":\"Write tests\""), items.body());
    }
  }

  @Test
  void aModuleValidatorCanRefuseATitle() throws Exception {
    // a module of this plugin, written inline: it adds a validator through the extension point
    BackendModule noShouting = BackendModule.create("${pluginId}", "no-shouting", env ->
        env.registerInit(${pluginName}ExtensionPoints.VALIDATORS, validators -> validators.addValidator(
            title -> title.equals(title.toUpperCase()) ? "Please do not shout" : null)));
    try (${pluginName}TestBackend backend = new ${pluginName}TestBackend(Map.of())) {
      backend.start(new ${pluginName}Plugin(), noShouting);

      HttpResponse<String> refused = backend.post("/api/${pluginId}/items", "{\"title\":\"HELLO\"}");
      assertEquals(400, refused.statusCode());
      assertTrue(refused.body().contains("Please do not shout"), refused.body());
      assertEquals(201, backend.post("/api/${pluginId}/items", "{\"title\":\"Hello\"}").statusCode());
    }
  }

  @Test
  void theGreetingComesFromConfig() throws Exception {
    Map<String, Object> config = Map.of("${pluginId}", Map.of("greeting", "Hi from the test"));
    try (${pluginName}TestBackend backend = new ${pluginName}TestBackend(config)) {
      TestBackend started = backend.start(new ${pluginName}Plugin());

      assertTrue(started.logs().messages().contains("Hi from the test (0 validator(s))"),
          started.logs().messages().toString());
    }
  }
}
