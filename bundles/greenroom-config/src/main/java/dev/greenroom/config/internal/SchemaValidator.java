package dev.greenroom.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.greenroom.config.ConfigException;
import dev.greenroom.config.ConfigSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Validates the merged configuration against plugin schemas with networknt's draft-07 validator;
 * Backstage's {@code visibility} keyword is accepted as an annotation. Errors name the schema's
 * owner, the key and the file that supplied the value.
 */
public final class SchemaValidator {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V7,
      b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
          .keyword(new NonValidationKeyword("visibility"))
          .build()));

  private SchemaValidator() {}

  /** Throws a ConfigException listing every violation of every schema. */
  public static void validate(List<ConfigSchema> schemas, Map<String, Object> merged, ConfigReader reader) {
    if (schemas.isEmpty()) {
      return;
    }
    JsonNode data = Parsers.JSON.valueToTree(merged);
    List<String> problems = new ArrayList<>();
    String firstFile = null;
    String firstKey = null;
    for (ConfigSchema s : schemas) {
      JsonSchema schema = compile(s);
      List<ValidationMessage> messages = new ArrayList<>(schema.validate(data));
      messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
      for (ValidationMessage m : messages) {
        String key = key(m);
        String file = fileOf(reader, key);
        problems.add("Config validation failed for " + s.owner() + ": '" + (key.isEmpty() ? "<root>" : key) + "' in '"
            + file + "' " + m.getError());
        if (firstKey == null) {
          firstKey = key;
          firstFile = file;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("; ", problems), firstFile, firstKey);
    }
  }

  private static JsonSchema compile(ConfigSchema s) {
    try {
      return FACTORY.getSchema(s.schema());
    } catch (RuntimeException e) {
      throw new ConfigException("Invalid config schema " + s.source() + " of " + s.owner() + ": " + e.getMessage(), s.source(), null, e);
    }
  }

  /** The dotted key the message is about; for {@code required}, the missing property itself. */
  private static String key(ValidationMessage m) {
    JsonNodePath loc = m.getInstanceLocation();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < loc.getNameCount(); i++) {
      Object el = loc.getElement(i);
      if (el instanceof Integer idx) {
        key.append('[').append(idx).append(']');
      } else {
        key.append(key.length() == 0 ? "" : ".").append(el);
      }
    }
    if ("required".equals(m.getType()) && m.getProperty() != null) {
      key.append(key.length() == 0 ? "" : ".").append(m.getProperty());
    }
    return key.toString();
  }

  private static String fileOf(ConfigReader reader, String key) {
    String k = key.replaceAll("\\[\\d+]", "");
    while (!k.isEmpty()) {
      try {
        var ctx = reader.contextOf(k);
        if (ctx.isPresent()) {
          return ctx.get();
        }
      } catch (IllegalArgumentException notAReadableKey) {
        // a key Backstage's reader refuses (odd characters): fall back to its parent
      }
      int dot = k.lastIndexOf('.');
      k = dot < 0 ? "" : k.substring(0, dot);
    }
    return String.join(", ", reader.contexts());
  }
}
