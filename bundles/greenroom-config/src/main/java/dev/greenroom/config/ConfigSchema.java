package dev.greenroom.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * A JSON Schema (draft-07) over the whole configuration, shipped by a plugin for its subtree as
 * Backstage's {@code configSchema} is: {@code {"type":"object","properties":{"myPlugin":{...}}}}.
 * {@code "visibility": "secret"} marks values the logger must redact. {@code owner} names the
 * plugin or bundle in validation errors.
 */
public record ConfigSchema(String owner, String source, JsonNode schema) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ConfigSchema {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(schema, "schema");
    source = source == null ? "<programmatic>" : source;
  }

  /** Parses {@code json}; a bad document fails naming the owner and source. */
  public static ConfigSchema parse(String owner, String source, String json) {
    try {
      return new ConfigSchema(owner, source, JSON.readTree(json));
    } catch (JacksonException e) {
      throw new ConfigException("Invalid config schema " + source + " of " + owner + ": " + e.getOriginalMessage(), source, null, e);
    }
  }
}
