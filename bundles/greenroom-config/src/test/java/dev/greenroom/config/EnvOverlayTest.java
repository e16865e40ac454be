package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvOverlayTest {
  @TempDir Path tmp;

  @Test
  void overlaysParsedJsonOrStringsOverTheFiles() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "app:\n  title: From file\n  keep: yes-kept\n");
    LiveRootConfig config = c.load(Map.of(
        "APP_CONFIG_app_title", "\"My Title\"",
        "APP_CONFIG_app_port", "7007",
        "APP_CONFIG_app_flag", "true",
        "APP_CONFIG_app_list", "[\"a\",\"b\"]",
        "APP_CONFIG_app_plain", "not json",
        "APP_CONFIG_app_empty", ""));
    assertEquals("My Title", config.getString("app.title"));
    assertEquals("yes-kept", config.getString("app.keep"));
    assertEquals(7007, config.getNumber("app.port"));
    assertEquals(true, config.getBoolean("app.flag"));
    assertEquals(List.of("a", "b"), config.getStringArray("app.list"));
    assertEquals("not json", config.getString("app.plain"));
    assertEquals(false, config.has("app.empty"));
  }

  @Test
  void aWrongTypeFromEnvNamesEnvAsTheSource() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "app:\n  port: 7007\n");
    LiveRootConfig config = c.load(Map.of("APP_CONFIG_app_port", "[1]"));
    assertEquals("Invalid type in config for key 'app.port' in 'env', got array, wanted number",
        assertThrows(IllegalArgumentException.class, () -> config.getNumber("app.port")).getMessage());
  }

  @Test
  void badOverlaysFailWithBackstagesMessages() {
    TempConfig c = new TempConfig(tmp);
    assertEquals("Invalid env config key 'app_$x'",
        assertThrows(ConfigException.class, () -> c.load(Map.of("APP_CONFIG_app_$x", "1"))).getMessage());
    assertEquals("Could not nest config for key 'a_b' under existing value 'a'",
        assertThrows(ConfigException.class, () -> c.load(Map.of("APP_CONFIG_a", "1", "APP_CONFIG_a_b", "2"))).getMessage());
    assertEquals("Failed to parse JSON-serialized config value for key 'a', Error: value may not be null",
        assertThrows(ConfigException.class, () -> c.load(Map.of("APP_CONFIG_a", "null"))).getMessage());
  }
}
