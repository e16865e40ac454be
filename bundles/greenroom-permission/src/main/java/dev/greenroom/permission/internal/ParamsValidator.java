package dev.greenroom.permission.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.PermissionRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a condition's params against its rule's JSON schema before the rule runs, as Backstage
 * does with the rule's zod {@code paramsSchema} ({@code Parameters to rule are invalid}).
 */
final class ParamsValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  private final Map<Map<String, Object>, JsonSchema> compiled = new ConcurrentHashMap<>();

  void check(PermissionRule<?, ?> rule, Map<String, Object> params) {
    JsonSchema schema = compiled.computeIfAbsent(rule.paramsSchema(), s -> FACTORY.getSchema(JSON.valueToTree(s)));
    JsonNode data = JSON.valueToTree(params == null ? Map.of() : params);
    Set<ValidationMessage> messages = schema.validate(data);
    if (!messages.isEmpty()) {
      Set<String> problems = new TreeSet<>();
      for (ValidationMessage m : messages) {
        problems.add(m.getMessage());
      }
      throw new InputError("Parameters to rule are invalid: rule '" + rule.name() + "' of resource type '"
          + rule.resourceType() + "': " + String.join("; ", problems));
    }
  }
}
