package dev.greenroom.mcp.actions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenroom.backend.api.errors.BackstageError;
import dev.greenroom.backend.api.services.ActionsService;
import dev.greenroom.backend.api.services.ActionsServiceAction;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.LoggerService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Actions as MCP tools, as upstream's McpService (plugins/mcp-actions-backend/src/services/
 * McpService.ts): the input schema, description and title of each action, its attributes as tool
 * annotations; a call invokes the action through {@code alpha.core.actions} with the caller's
 * credentials, and a Backstage error becomes a tool result with {@code isError: true} and the text
 * {@code <ErrorName>: <message>}, so the AI client sees why.
 */
final class ActionTools {
  /** Key of the caller's credentials in the MCP transport context. */
  static final String CREDENTIALS = "greenroom.credentials";

  // the names the SDK accepts for a tool (io.modelcontextprotocol.util.ToolNameValidator)
  private static final Pattern SDK_TOOL_NAME = Pattern.compile("[A-Za-z0-9_\\-.]{1,128}");

  private final ActionsService actions;
  private final LoggerService logger;
  private final boolean namespaced;
  // upstream warns once per colliding action, not once per request
  private final Set<String> warnedCollisions = ConcurrentHashMap.newKeySet();

  ActionTools(ActionsService actions, LoggerService logger, boolean namespaced) {
    this.actions = actions;
    this.logger = logger;
    this.namespaced = namespaced;
  }

  /** One tool per action the caller may see; of two actions with one tool name, the first wins. */
  List<SyncToolSpecification> forCaller(BackstageCredentials<?> credentials) {
    Map<String, ActionsServiceAction> byName = new LinkedHashMap<>();
    for (ActionsServiceAction action : actions.list(credentials)) {
      String name = ToolNames.of(action, namespaced);
      ActionsServiceAction owner = byName.putIfAbsent(name, action);
      if (owner != null && !owner.id().equals(action.id()) && warnedCollisions.add(name + ":" + action.id())) {
        logger.warn("Skipping MCP tool for action \"" + action.id() + "\": tool name \"" + name
            + "\" already maps to action \"" + owner.id() + "\". Tool names must be unique after snake_case"
            + " normalization; consider renaming one of the actions.");
      }
    }
    List<SyncToolSpecification> tools = new ArrayList<>();
    byName.forEach((name, action) -> tools.add(spec(name, name, action)));
    return tools;
  }

  /**
   * The tool a {@code tools/call} names: the caller's tool of that name, or of that legacy
   * un-normalized name ({@code <pluginId>.<name>}), registered under the name the client used.
   */
  List<SyncToolSpecification> forCall(BackstageCredentials<?> credentials, String calledName) {
    List<SyncToolSpecification> tools = forCaller(credentials);
    for (SyncToolSpecification tool : tools) {
      if (tool.tool().name().equals(calledName)) {
        return List.of(tool);
      }
    }
    for (ActionsServiceAction action : actions.list(credentials)) {
      if (ToolNames.legacy(action, namespaced).equals(calledName)) {
        return List.of(spec(calledName, ToolNames.of(action, namespaced), action));
      }
    }
    if (!SDK_TOOL_NAME.matcher(calledName).matches()) {
      return List.of(); // the SDK answers its own "Unknown tool" error
    }
    // As upstream: an unknown tool is a tool error naming it, not a protocol error.
    McpSchema.Tool unknown = McpSchema.Tool.builder().name(calledName).inputSchema(Map.of("type", "object")).build();
    return List.of(SyncToolSpecification.builder().tool(unknown)
        .callHandler((context, request) -> result("NotFoundError: Action \"" + calledName + "\" not found", true))
        .build());
  }

  private SyncToolSpecification spec(String registeredName, String name, ActionsServiceAction action) {
    McpSchema.Tool tool = McpSchema.Tool.builder()
        .name(registeredName)
        .title(action.title())
        .description(action.description())
        .inputSchema(action.inputSchema())
        .annotations(McpSchema.ToolAnnotations.builder()
            .title(action.title())
            .destructiveHint(action.attributes().destructive())
            .idempotentHint(action.attributes().idempotent())
            .readOnlyHint(action.attributes().readOnly())
            .openWorldHint(false)
            .build())
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler((context, request) -> call(action, context, request)).build();
  }

  private McpSchema.CallToolResult call(ActionsServiceAction action, McpTransportContext context, McpSchema.CallToolRequest request) {
    BackstageCredentials<?> credentials = (BackstageCredentials<?>) context.get(CREDENTIALS);
    Object output;
    try {
      output = actions.invoke(action.id(), request.arguments() == null ? Map.of() : request.arguments(), credentials);
    } catch (BackstageError e) {
      return result(e.name() + ": " + e.getMessage(), true);
    }
    try {
      return result(JacksonJsonMapper.INSTANCE.objectMapper().writeValueAsString(output), false);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Output of action \"" + action.id() + "\" is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static McpSchema.CallToolResult result(String text, boolean isError) {
    return McpSchema.CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder(text).build()))
        .isError(isError)
        .build();
  }
}
