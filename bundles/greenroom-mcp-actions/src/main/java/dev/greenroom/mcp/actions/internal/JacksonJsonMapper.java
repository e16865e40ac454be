package dev.greenroom.mcp.actions.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;

/**
 * The MCP SDK's JSON mapper on Jackson 2 (the SDK's schema types carry Jackson 2 annotations).
 * The SDK's own mcp-json-jackson2 module would do the same, but it also brings
 * json-schema-validator 2.x into the runtime beside greenroom-config's 1.5.6, and in OSGi it is
 * found through DS services the SDK looks up statically; passing this mapper to the builders
 * avoids both (docs/actions.md).
 */
final class JacksonJsonMapper implements McpJsonMapper {
  static final JacksonJsonMapper INSTANCE = new JacksonJsonMapper(
      new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

  private final ObjectMapper mapper;

  private JacksonJsonMapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectMapper objectMapper() {
    return mapper;
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return mapper.readValue(content, javaType(type));
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return mapper.readValue(content, javaType(type));
  }

  @Override
  public <T> T convertValue(Object fromValue, Class<T> type) {
    return mapper.convertValue(fromValue, type);
  }

  @Override
  public <T> T convertValue(Object fromValue, TypeRef<T> type) {
    return mapper.convertValue(fromValue, javaType(type));
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return mapper.writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return mapper.writeValueAsBytes(value);
  }

  private JavaType javaType(TypeRef<?> type) {
    return mapper.getTypeFactory().constructType(type.getType());
  }
}
