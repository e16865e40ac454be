package dev.greenroom.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigAdminPropertiesTest {
  @Test
  void flattensNestedKeysAndTypesArrays() {
    Map<String, Object> props = ConfigAdminProperties.flatten(Map.of(
        "github", Map.of("token", "t", "port", 443),
        "names", List.of("a", "b"),
        "flags", List.of(true, false),
        "mixed", List.of(1, "x"),
        "targets", List.of(Map.of("host", "h0"), Map.of("host", "h1"))));
    assertEquals("t", props.get("github.token"));
    assertEquals(443L, props.get("github.port"));
    assertArrayEquals(new String[] {"a", "b"}, (String[]) props.get("names"));
    assertArrayEquals(new Boolean[] {true, false}, (Boolean[]) props.get("flags"));
    assertArrayEquals(new String[] {"1", "x"}, (String[]) props.get("mixed"));
    assertEquals("h1", props.get("targets[1].host"));
    assertEquals("greenroom.plugin.catalog", ConfigAdminProperties.pid("catalog"));
  }
}
