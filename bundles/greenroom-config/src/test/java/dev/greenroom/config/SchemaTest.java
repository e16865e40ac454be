package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  @TempDir Path tmp;

  static final ConfigSchema CATALOG = ConfigSchema.parse("plugin 'catalog'", "catalog/config.schema.json", """
      {"type": "object",
       "properties": {"catalog": {"type": "object", "required": ["url"], "additionalProperties": false,
         "properties": {
           "url": {"type": "string"},
           "port": {"type": "integer", "minimum": 1, "maximum": 65535},
           "token": {"type": "string", "visibility": "secret"},
           "keys": {"type": "array", "items": {"type": "string", "visibility": "secret"}}}}}}
      """);

  private LiveRootConfig load(TempConfig c) {
    return LiveRootConfig.load(RootConfigOptions.builder().configDir(tmp).env(Map.of()).schemas(List.of(CATALOG)).build());
  }

  @Test
  void validConfigPassesAndSecretValuesAreCollected() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "catalog:\n  url: http://x\n  port: 80\n  token: t0k3n\n  keys: [k1, k2]\n");
    assertEquals(Set.of("t0k3n", "k1", "k2"), load(c).secretValues());
  }

  @Test
  void violationsNameThePluginTheKeyAndTheFile() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "catalog:\n  url: http://x\n");
    c.write("app-config.local.yaml", "catalog:\n  port: '80'\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(c));
    assertEquals("Config validation failed for plugin 'catalog': 'catalog.port' in 'app-config.local.yaml' string found, integer expected",
        e.getMessage());
    assertEquals("catalog.port", e.key());
    assertEquals("app-config.local.yaml", e.file());
  }

  @Test
  void aMissingRequiredKeyIsNamed() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "catalog:\n  port: 80\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(c));
    assertEquals("catalog.url", e.key());
    assertEquals(true, e.getMessage().startsWith("Config validation failed for plugin 'catalog': 'catalog.url' in 'app-config.yaml' "),
        e.getMessage());
  }
}
