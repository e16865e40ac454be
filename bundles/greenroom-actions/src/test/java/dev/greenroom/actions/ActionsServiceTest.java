package dev.greenroom.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ActionAttributes;
import dev.greenroom.backend.api.services.ActionsService;
import dev.greenroom.backend.api.services.ActionsServiceAction;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.TestBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * alpha.core.actions over real HTTP: plugin {@code caller} lists and invokes the actions of the
 * plugins in backend.actions.pluginSources, as upstream's DefaultActionsService.
 */
@Timeout(60)
class ActionsServiceTest {
  private static TestBackend start(GreetPlugin greet, Map<String, Object> actionsConfig) {
    return TestBackend.builder()
        .add(greet.plugin("my-plugin"))
        .add(BackendPlugin.create("caller", env -> env.registerInit(CoreServices.ACTIONS, actions -> {})))
        .add(ActionsServiceFactories.registry())
        .add(ActionsServiceFactories.actions())
        .config(Map.of("backend", Map.of("actions", actionsConfig)))
        .start();
  }

  @Test
  void listsTheActionsOfThePluginSources() {
    try (TestBackend backend = start(new GreetPlugin(), Map.of("pluginSources", List.of("my-plugin")))) {
      List<ActionsServiceAction> actions = backend.service(CoreServices.ACTIONS, "caller").list(MockCredentials.user());
      assertEquals(List.of("my-plugin:greet", "my-plugin:read-only", "my-plugin:lookup", "my-plugin:liar"),
          actions.stream().map(ActionsServiceAction::id).toList());
      ActionsServiceAction greet = actions.get(0);
      assertEquals("greet", greet.name());
      assertEquals("Greet", greet.title());
      assertEquals("my-plugin", greet.pluginId());
      assertEquals(ActionAttributes.DEFAULTS, greet.attributes());
      assertEquals(List.of("name"), greet.inputSchema().get("required"));
    }
  }

  @Test
  void withoutPluginSourcesNothingIsListed() {
    try (TestBackend backend = start(new GreetPlugin(), Map.of())) {
      assertEquals(List.of(), backend.service(CoreServices.ACTIONS, "caller").list(MockCredentials.user()));
    }
  }

  @Test
  void aSourceThatFailsIsLeftOutWithAWarning() {
    try (TestBackend backend = start(new GreetPlugin(), Map.of("pluginSources", List.of("ghost", "my-plugin")))) {
      List<ActionsServiceAction> actions = backend.service(CoreServices.ACTIONS, "caller").list(MockCredentials.user());
      assertEquals(4, actions.size());
      assertTrue(backend.logs().messages().contains("Failed to fetch actions from ghost"), backend.logs().messages().toString());
    }
  }

  @Test
  void filtersExcludeByIdGlobAndIncludeByAttributes() {
    Map<String, Object> config = Map.of("pluginSources", List.of("my-plugin"), "filter", Map.of(
        "include", List.of(Map.of("attributes", Map.of("destructive", false))),
        "exclude", List.of(Map.of("id", "my-plugin:look*"))));
    try (TestBackend backend = start(new GreetPlugin(), config)) {
      assertEquals(List.of("my-plugin:read-only"),
          backend.service(CoreServices.ACTIONS, "caller").list(MockCredentials.user()).stream().map(ActionsServiceAction::id).toList());
    }
  }

  @Test
  void invokesOnBehalfOfTheCallerAndReturnsTheOutput() {
    GreetPlugin greet = new GreetPlugin();
    try (TestBackend backend = start(greet, Map.of())) {
      ActionsService actions = backend.service(CoreServices.ACTIONS, "caller");
      Object output = actions.invoke("my-plugin:greet", Map.of("name", "Ada"), MockCredentials.service("external:curl"));
      assertEquals(Map.of("greeting", "Hello Ada"), output);
      // the request carried a plugin request token on behalf of the caller (the mock auth keeps its subject)
      assertEquals("external:curl", ((BackstageServicePrincipal) greet.calls.get(0).credentials().principal()).subject());
    }
  }

  @Test
  void theRemoteErrorComesBackWithItsNameAndMessage() {
    try (TestBackend backend = start(new GreetPlugin(), Map.of())) {
      ActionsService actions = backend.service(CoreServices.ACTIONS, "caller");
      InputError input = assertThrows(InputError.class,
          () -> actions.invoke("my-plugin:greet", Map.of("name", 1), MockCredentials.user()));
      assertEquals("Invalid input to action \"my-plugin:greet\"; caused by Error: $.name: integer found, string expected",
          input.getMessage());
      NotFoundError unknown = assertThrows(NotFoundError.class,
          () -> actions.invoke("my-plugin:nope", Map.of(), MockCredentials.user()));
      assertEquals("Action \"my-plugin:nope\" not found", unknown.getMessage());
      IllegalArgumentException noPlugin = assertThrows(IllegalArgumentException.class,
          () -> actions.invoke("nope", Map.of(), MockCredentials.user()));
      assertEquals("Invalid action id: nope", noPlugin.getMessage());
    }
  }
}
