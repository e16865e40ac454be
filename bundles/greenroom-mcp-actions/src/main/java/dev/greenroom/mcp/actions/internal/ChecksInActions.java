package dev.greenroom.mcp.actions.internal;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK wants a schema validator, but this endpoint never asks it to validate: the action's own
 * plugin checks input and output against the action's schemas (greenroom-actions), and its 400
 * names the action and the field, which an SDK-side check would pre-empt with another message.
 * The servers are built with {@code validateToolInputs(false)} and tools carry no output schema, so
 * {@link #validate} is not reached; if a later SDK did reach it, the call fails saying so instead
 * of passing unchecked.
 */
final class ChecksInActions implements JsonSchemaValidator {
  static final ChecksInActions INSTANCE = new ChecksInActions();

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    throw new IllegalStateException(
        "Greenroom's MCP endpoint checks tool input and output in the action's plugin, not in the MCP SDK");
  }
}
