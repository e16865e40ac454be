package dev.greenroom.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Jackson parsers for YAML and JSON config text (strict JSON, as {@code JSON.parse}). */
public final class Parsers {
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Parsers() {}

  public static Object parseYaml(String text) throws JacksonException {
    return YAML.readValue(text, Object.class);
  }

  public static Object parseJson(String text) throws JacksonException {
    return JSON.readValue(text, Object.class);
  }

  /** {@code <problem> at line L, column C}, without Jackson's source excerpt. */
  public static String describe(JacksonException e) {
    JsonLocation loc = e.getLocation();
    String problem = e.getOriginalMessage();
    if (loc == null || loc.getLineNr() < 0) {
      return problem;
    }
    return problem + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }
}
