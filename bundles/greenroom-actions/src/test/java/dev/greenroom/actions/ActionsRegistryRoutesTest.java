package dev.greenroom.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.backend.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-plugin routes of alpha.core.actionsRegistry, with the shapes and messages of upstream's
 * actionsRegistryServiceFactory.test.ts.
 */
@Timeout(60)
class ActionsRegistryRoutesTest {
  private static final String BASE = "/api/my-plugin/.backstage/actions/v1/actions";

  private static TestBackend start(GreetPlugin greet) {
    return TestBackend.builder().add(greet.plugin("my-plugin")).add(ActionsServiceFactories.registry()).start();
  }

  @Test
  void listsRegisteredActionsWithTheirSchemasAndAttributes() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse r = backend.http().get(BASE).credentials(MockCredentials.service()).send();
      assertEquals(200, r.status(), r.body());
      JsonNode actions = r.json().path("actions");
      assertEquals(4, actions.size());
      JsonNode greet = actions.get(0);
      assertEquals("my-plugin:greet", greet.path("id").asText());
      assertEquals("greet", greet.path("name").asText());
      assertEquals("Greet", greet.path("title").asText());
      assertEquals("Says hello", greet.path("description").asText());
      assertEquals("my-plugin", greet.path("pluginId").asText());
      assertEquals("string", greet.path("schema").path("input").path("properties").path("name").path("type").asText());
      assertEquals("string", greet.path("schema").path("output").path("properties").path("greeting").path("type").asText());
      // upstream's defaults: destructive unless read-only, not idempotent
      assertEquals("{\"destructive\":true,\"idempotent\":false,\"readOnly\":false}", greet.path("attributes").toString());
      assertEquals("{\"destructive\":false,\"idempotent\":false,\"readOnly\":true}", actions.get(1).path("attributes").toString());
      assertEquals("{\"destructive\":false,\"idempotent\":true,\"readOnly\":false}", actions.get(2).path("attributes").toString());
      // no schema given: an empty object schema, as upstream's z.object({})
      assertEquals("{\"type\":\"object\",\"properties\":{}}", actions.get(1).path("schema").path("input").toString());
    }
  }

  @Test
  void listAndInvokeNeedCredentials() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse list = backend.http().get(BASE).credentials(MockCredentials.none()).send();
      assertEquals(401, list.status());
      TestResponse invoke = backend.http().post(BASE + "/my-plugin:greet/invoke")
          .credentials(MockCredentials.none()).json(Map.of("name", "Ada")).send();
      assertEquals(401, invoke.status());
      assertEquals("Missing credentials", invoke.json().path("error").path("message").asText());
    }
  }

  @Test
  void invokeRunsTheActionWithTypedInputAndTheCallersCredentials() {
    GreetPlugin greet = new GreetPlugin();
    try (TestBackend backend = start(greet)) {
      TestResponse r = backend.http().post(BASE + "/my-plugin:greet/invoke")
          .credentials(MockCredentials.service("user:default/mock")).json(Map.of("name", "Ada")).send();
      assertEquals(200, r.status(), r.body());
      assertEquals("{\"output\":{\"greeting\":\"Hello Ada\"}}", r.json().toString());
      assertEquals(1, greet.calls.size());
      assertEquals("Ada", greet.calls.get(0).input().name());
      assertEquals(BackstagePrincipalType.SERVICE, greet.calls.get(0).credentials().principal().type());
      assertEquals("user:default/mock",
          ((BackstageServicePrincipal) greet.calls.get(0).credentials().principal()).subject());
    }
  }

  @Test
  void usersMayInvokeToo() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse r = backend.http().post(BASE + "/my-plugin:greet/invoke")
          .credentials(MockCredentials.user()).json(Map.of("name", "Bob")).send();
      assertEquals(200, r.status(), r.body());
      assertEquals("Hello Bob", r.json().path("output").path("greeting").asText());
    }
  }

  @Test
  void inputThatFailsTheSchemaIs400NamingTheActionAndTheField() {
    GreetPlugin greet = new GreetPlugin();
    try (TestBackend backend = start(greet)) {
      TestResponse wrongType = backend.http().post(BASE + "/my-plugin:greet/invoke").json(Map.of("name", 123)).send();
      assertEquals(400, wrongType.status());
      assertEquals("InputError", wrongType.json().path("error").path("name").asText());
      assertEquals("Invalid input to action \"my-plugin:greet\"; caused by Error: $.name: integer found, string expected",
          wrongType.json().path("error").path("message").asText());

      TestResponse missing = backend.http().post(BASE + "/my-plugin:greet/invoke").json(Map.of()).send();
      assertEquals(400, missing.status());
      assertEquals("Invalid input to action \"my-plugin:greet\"; caused by Error: $: required property 'name' not found",
          missing.json().path("error").path("message").asText());

      TestResponse notJson = backend.http().post(BASE + "/my-plugin:greet/invoke").body("{name", "application/json").send();
      assertEquals(400, notJson.status());
      assertTrue(notJson.json().path("error").path("message").asText().startsWith("Invalid JSON body: "), notJson.body());
      assertEquals(0, greet.calls.size());
    }
  }

  @Test
  void unknownActionIs404NamingIt() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse r = backend.http().post(BASE + "/test/invoke").send();
      assertEquals(404, r.status());
      assertEquals("NotFoundError", r.json().path("error").path("name").asText());
      assertEquals("Action \"test\" not found", r.json().path("error").path("message").asText());
    }
  }

  @Test
  void outputThatFailsItsSchemaIs400AsUpstream() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse r = backend.http().post(BASE + "/my-plugin:liar/invoke").json(Map.of()).send();
      assertEquals(400, r.status());
      assertEquals("Invalid output from action \"my-plugin:liar\"; caused by Error: $.greeting: integer found, string expected",
          r.json().path("error").path("message").asText());
    }
  }

  @Test
  void aBackstageErrorFromTheActionKeepsItsStatusAndMessage() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse r = backend.http().post(BASE + "/my-plugin:lookup/invoke").json(Map.of()).send();
      assertEquals(404, r.status());
      assertEquals("NotFoundError", r.json().path("error").path("name").asText());
      assertEquals("entity not found", r.json().path("error").path("message").asText());
    }
  }

  @Test
  void withoutAnInputSchemaTheBodyArrivesAsAMapAndNoBodyIsAnEmptyObject() {
    try (TestBackend backend = start(new GreetPlugin())) {
      TestResponse r = backend.http().post(BASE + "/my-plugin:read-only/invoke").json(Map.of("a", 1)).send();
      assertEquals("{\"output\":{\"seen\":{\"a\":1}}}", r.json().toString());
      TestResponse empty = backend.http().post(BASE + "/my-plugin:read-only/invoke").send();
      assertEquals("{\"output\":{\"seen\":{}}}", empty.json().toString());
    }
  }

  @Test
  void registeringAnIdTwiceFailsThePluginNamingTheId() {
    BackendPlugin twice = BackendPlugin.create("my-plugin", env -> env.registerInit(CoreServices.ACTIONS_REGISTRY, registry -> {
      for (int i = 0; i < 2; i++) {
        registry.register(ActionsRegistryActionOptions.builder("test").title("Test").description("Test")
            .action(ctx -> null).build());
      }
    }));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> TestBackend.builder().add(twice).add(ActionsServiceFactories.registry()).start().close());
    assertTrue(e.getMessage().contains("Action with id \"my-plugin:test\" is already registered"), e.getMessage());
  }

  @Test
  void anInvalidSchemaFailsRegistrationNamingTheAction() {
    BackendPlugin bad = BackendPlugin.create("my-plugin", env -> env.registerInit(CoreServices.ACTIONS_REGISTRY, registry ->
        registry.register(ActionsRegistryActionOptions.builder("test").title("Test").description("Test")
            .inputSchema("{\"type\": ").action(ctx -> null).build())));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> TestBackend.builder().add(bad).add(ActionsServiceFactories.registry()).start().close());
    assertTrue(e.getMessage().contains("Invalid input schema of action \"my-plugin:test\""), e.getMessage());
  }

  @Test
  void builderNamesTheMissingField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ActionsRegistryActionOptions.builder("x").title("X").action(ctx -> null).build());
    assertEquals("Missing description of action 'x'", e.getMessage());
  }
}
