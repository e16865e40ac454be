package dev.greenroom.example.backend;

import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import dev.greenroom.backend.api.services.ActionsRegistryService;
import java.util.Map;

/**
 * The example's action {@code example:count-examples}: how many examples are stored. Listed at
 * {@code /api/example/.backstage/actions/v1/actions} and, with {@code backend.actions.pluginSources:
 * [example]}, an MCP tool of plugin {@code mcp-actions} (docs/actions.md).
 */
final class ExampleActions {
  static final String COUNT = "count-examples";

  private ExampleActions() {}

  static void register(ActionsRegistryService actions, ExampleStore store) {
    actions.register(ActionsRegistryActionOptions.builder(COUNT)
        .title("Count examples")
        .description("Counts the examples the example plugin has stored")
        .inputSchema("{\"type\": \"object\", \"properties\": {}}")
        .outputSchema("{\"type\": \"object\", \"properties\": {\"count\": {\"type\": \"integer\"}}}")
        .readOnly(true)
        .action(ctx -> Map.of("count", store.count()))
        .build());
  }
}
