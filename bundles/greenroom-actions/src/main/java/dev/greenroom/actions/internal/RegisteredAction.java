package dev.greenroom.actions.internal;

import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action in a plugin's registry: its options, its id and its compiled schemas (null where
 * none was given: the input is then any JSON object, the output anything).
 */
record RegisteredAction(
    String id, String pluginId, ActionsRegistryActionOptions<?> options, ActionSchema input, ActionSchema output) {

  static RegisteredAction of(String pluginId, ActionsRegistryActionOptions<?> options) {
    String id = pluginId + ":" + options.name();
    ActionSchema input = options.inputSchema().map(s -> ActionSchema.parse(s, "input", id)).orElse(null);
    ActionSchema output = options.outputSchema().map(s -> ActionSchema.parse(s, "output", id)).orElse(null);
    return new RegisteredAction(id, pluginId, options, input, output);
  }

  /** The list route's entry, upstream's shape: id, name, title, description, pluginId, attributes, schema. */
  Map<String, Object> describe() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("destructive", options.attributes().destructive());
    attributes.put("idempotent", options.attributes().idempotent());
    attributes.put("readOnly", options.attributes().readOnly());
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("input", input != null ? input.json() : ActionSchema.emptyObject());
    schema.put("output", output != null ? output.json() : ActionSchema.emptyObject());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("name", options.name());
    entry.put("title", options.title());
    entry.put("description", options.description());
    entry.put("pluginId", pluginId);
    entry.put("attributes", attributes);
    entry.put("schema", schema);
    return entry;
  }
}
