package dev.greenroom.mcp.actions.internal;

import dev.greenroom.backend.api.services.Config;

/**
 * The MCP server's config, upstream's keys: {@code mcpActions.name} (default {@code backstage}),
 * {@code mcpActions.description}, {@code mcpActions.namespacedToolNames} (default true).
 *
 * @param name the server name reported by {@code initialize}
 * @param description the server description, or null
 * @param namespacedToolNames whether tool names start with the plugin id
 */
record McpSettings(String name, String description, boolean namespacedToolNames) {
  static McpSettings from(Config config) {
    return new McpSettings(
        config.getOptionalString("mcpActions.name").orElse("backstage"),
        config.getOptionalString("mcpActions.description").orElse(null),
        config.getOptionalBoolean("mcpActions.namespacedToolNames").orElse(true));
  }
}
