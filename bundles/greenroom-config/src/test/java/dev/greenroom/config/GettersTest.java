package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.services.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class GettersTest {
  @TempDir Path tmp;
  LiveRootConfig config;

  @BeforeEach
  void load() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", String.join("\n",
        "backend:",
        "  port: 7007",
        "  portString: '8080'",
        "  notNumber: abc",
        "  flag: 'true'",
        "  badFlag: 'yes'",
        "  empty: ''",
        "  targets:",
        "    - host: a",
        "    - host: b",
        "  mixed: [a, 1]",
        "  name: base",
        ""));
    c.write("app-config.local.yaml", "backend:\n  name: 12\n");
    config = c.load();
  }

  private static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void convertsNumericAndBooleanStrings() {
    assertEquals(7007, config.getNumber("backend.port"));
    assertEquals(8080, config.getNumber("backend.portString"));
    assertEquals(true, config.getBoolean("backend.flag"));
    assertEquals(Optional.empty(), config.getOptionalNumber("backend.nothing"));
  }

  @Test
  void typeErrorsNameTheFileThatSuppliedTheValue() {
    assertEquals("Invalid type in config for key 'backend.name' in 'app-config.local.yaml', got number, wanted string",
        message(() -> config.getString("backend.name")));
    assertEquals("Invalid type in config for key 'backend.port' in 'app-config.yaml', got number, wanted string",
        message(() -> config.getString("backend.port")));
    assertEquals("Invalid type in config for key 'backend.empty' in 'app-config.yaml', got empty-string, wanted string",
        message(() -> config.getString("backend.empty")));
    assertEquals("Invalid type in config for key 'backend.mixed[1]' in 'app-config.yaml', got number, wanted string-array",
        message(() -> config.getStringArray("backend.mixed")));
    assertEquals("Invalid type in config for key 'backend.port' in 'app-config.yaml', got number, wanted object",
        message(() -> config.getConfig("backend.port")));
    assertEquals("Unable to convert config value for key 'backend.notNumber' in 'app-config.yaml' to a number",
        message(() -> config.getNumber("backend.notNumber")));
    assertEquals("Unable to convert config value for key 'backend.badFlag' in 'app-config.yaml' to a boolean",
        message(() -> config.getBoolean("backend.badFlag")));
    assertEquals("Invalid config key 'backend.$x'", message(() -> config.getString("backend.$x")));
  }

  @Test
  void missingKeysNameTheKeyAndTheSources() {
    assertEquals("Missing required config value at 'backend.nope' in 'app-config.yaml, app-config.local.yaml'",
        message(() -> config.getString("backend.nope")));
    Config backend = config.getConfig("backend");
    assertEquals("Missing required config value at 'backend.other' in 'app-config.yaml, app-config.local.yaml'",
        message(() -> backend.getNumber("other")));
  }

  @Test
  void subConfigsMergeAcrossFilesAndArraysOfObjectsCarryIndexedKeys() {
    Config backend = config.getConfig("backend");
    assertEquals("12", String.valueOf(backend.getOptional("name").orElseThrow()));
    assertEquals(7007, backend.getNumber("port"));
    List<Config> targets = config.getConfigArray("backend.targets");
    assertEquals("b", targets.get(1).getString("host"));
    assertEquals("Missing required config value at 'backend.targets[1].port' in 'app-config.yaml'",
        message(() -> targets.get(1).getNumber("port")));
    assertEquals(Map.of("host", "a"), config.getOptional("backend.targets").map(v -> ((List<?>) v).get(0)).orElseThrow());
  }
}
