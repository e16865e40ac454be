package dev.greenroom.actions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An action's input or output JSON schema (draft 07, networknt's validator as greenroom-config
 * uses it): the JSON object the list route shows, and the compiled validator whose messages name
 * the failing field ({@code $.name: integer found, string expected}).
 */
final class ActionSchema {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  /** Shown for an action registered without a schema: any object, as upstream's {@code z.object({})}. */
  static JsonNode emptyObject() {
    var schema = Json.MAPPER.createObjectNode().put("type", "object");
    schema.putObject("properties");
    return schema;
  }

  private final JsonNode json;
  private final JsonSchema schema;

  private ActionSchema(JsonNode json, JsonSchema schema) {
    this.json = json;
    this.schema = schema;
  }

  /**
   * Parses and compiles {@code text}.
   *
   * @throws IllegalArgumentException {@code Invalid <what> schema of action "<id>": ...}
   */
  static ActionSchema parse(String text, String what, String actionId) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Invalid " + what + " schema of action \"" + actionId + "\": " + e.getOriginalMessage(), e);
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(
          "Invalid " + what + " schema of action \"" + actionId + "\": a JSON schema must be a JSON object");
    }
    try {
      return new ActionSchema(json, FACTORY.getSchema(json));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Invalid " + what + " schema of action \"" + actionId + "\": " + e.getMessage(), e);
    }
  }

  JsonNode json() {
    return json;
  }

  /** The violations of {@code value}, sorted by location, joined by {@code "; "}; empty if none. */
  String problems(JsonNode value) {
    List<ValidationMessage> messages = List.copyOf(schema.validate(value));
    return messages.stream()
        .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
        .map(ValidationMessage::getMessage)
        .collect(Collectors.joining("; "));
  }
}
