package dev.greenroom.actions.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The bundle's one Jackson mapper: Java time types as ISO strings, unknown input fields allowed. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .findAndRegisterModules()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}
}
