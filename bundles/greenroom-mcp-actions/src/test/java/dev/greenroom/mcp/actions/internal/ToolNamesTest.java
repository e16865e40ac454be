package dev.greenroom.mcp.actions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.services.ActionAttributes;
import dev.greenroom.backend.api.services.ActionsService;
import dev.greenroom.backend.api.services.ActionsServiceAction;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.MockServices;
import dev.greenroom.backend.test.ServiceMock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upstream's tool names (McpService.ts snakeCaseToolName) and its collision rule. */
class ToolNamesTest {
  private static ActionsServiceAction action(String pluginId, String name) {
    return new ActionsServiceAction(pluginId + ":" + name, name, name, "d", pluginId, ActionAttributes.DEFAULTS,
        Map.of("type", "object"), Map.of("type", "object"));
  }

  @Test
  void namespacedSnakeCase() {
    assertEquals("catalog_get_entity", ToolNames.of(action("catalog", "get-entity"), true));
    assertEquals("get_entity", ToolNames.of(action("catalog", "get-entity"), false));
    assertEquals("my_plugin_a_b", ToolNames.of(action("my-plugin", "A..b"), true));
    assertEquals("my-plugin.A..b", ToolNames.legacy(action("my-plugin", "A..b"), true));
  }

  @Test
  void ofTwoActionsWithOneToolNameTheFirstWinsAndIsWarnedAboutOnce() {
    List<ActionsServiceAction> listed = List.of(action("catalog", "get-entity"), action("catalog-get", "entity"));
    ActionsService actions = new ActionsService() {
      @Override
      public List<ActionsServiceAction> list(BackstageCredentials<?> credentials) {
        return listed;
      }

      @Override
      public Object invoke(String id, Map<String, Object> input, BackstageCredentials<?> credentials) {
        throw new UnsupportedOperationException();
      }
    };
    ServiceMock<LoggerService> logger = MockServices.Logger.mock();
    ActionTools tools = new ActionTools(actions, logger.get(), true);
    for (int i = 0; i < 2; i++) {
      var specs = tools.forCaller(MockCredentials.user());
      assertEquals(List.of("catalog_get_entity"), specs.stream().map(s -> s.tool().name()).toList());
    }
    assertEquals(1, logger.calls("warn").size());
    assertEquals("Skipping MCP tool for action \"catalog-get:entity\": tool name \"catalog_get_entity\" already maps to"
        + " action \"catalog:get-entity\". Tool names must be unique after snake_case normalization; consider renaming"
        + " one of the actions.", logger.calls("warn").get(0).get(0));
  }
}
