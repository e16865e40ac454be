package dev.greenroom.frontend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.frontend.api.ConfigSchema.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {
  final ConfigSchema schema =
      ConfigSchema.of(
          Field.string("path").defaultsTo("/x"),
          Field.integer("size"),
          Field.bool("dense").optional(),
          Field.stringList("tags").defaultsTo(List.of()),
          Field.object("layout", ConfigSchema.of(Field.number("width").defaultsTo(1.5))));

  @Test
  void appliesDefaultsAndStripsUnknownKeys() throws Exception {
    Map<String, Object> parsed = schema.parse(Map.of("size", 3, "unknown", "x", "layout", Map.of("z", 1)));
    assertEquals(
        Map.of("path", "/x", "size", 3L, "tags", List.of(), "layout", Map.of("width", 1.5)), parsed);
  }

  @Test
  void missingRequired() {
    ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> schema.parse(null));
    assertEquals("Missing required value at 'size'", e.getMessage());
  }

  @Test
  void wrongTypesNameTheField() {
    assertEquals(
        "Expected string, received number at 'path'",
        assertThrows(ConfigValidationException.class, () -> schema.parse(Map.of("path", 1, "size", 1)))
            .getMessage());
    assertEquals(
        "Expected integer, received float at 'size'",
        assertThrows(ConfigValidationException.class, () -> schema.parse(Map.of("size", 1.5))).getMessage());
    assertEquals(
        "Expected number, received string at 'layout.width'",
        assertThrows(
                ConfigValidationException.class,
                () -> schema.parse(Map.of("size", 1, "layout", Map.of("width", "wide"))))
            .getMessage());
    assertEquals(
        "Expected string, received boolean at 'tags.1'",
        assertThrows(
                ConfigValidationException.class,
                () -> schema.parse(Map.of("size", 1, "tags", List.of("a", true))))
            .getMessage());
  }
}
