package dev.greenroom.mcp.actions.internal;

import dev.greenroom.backend.api.services.ActionsServiceAction;
import java.util.Locale;

/**
 * An action's MCP tool name, as upstream's McpService (plugins/mcp-actions-backend/src/services/
 * McpService.ts): {@code <pluginId>.<name>} (or just the name with {@code
 * mcpActions.namespacedToolNames: false}), every run of characters outside {@code [A-Za-z0-9_]}
 * replaced by one underscore and lower-cased, because some LLM clients refuse dots and dashes.
 * {@code tools/call} also accepts the legacy un-normalized name.
 */
final class ToolNames {
  private ToolNames() {}

  static String of(ActionsServiceAction action, boolean namespaced) {
    return snakeCase(legacy(action, namespaced));
  }

  static String legacy(ActionsServiceAction action, boolean namespaced) {
    return namespaced ? action.pluginId() + "." + action.name() : action.name();
  }

  static String snakeCase(String name) {
    return name.replaceAll("[^a-zA-Z0-9_]+", "_").toLowerCase(Locale.ROOT);
  }
}
