package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A launch profile's config (framework property greenroom.config.defaults) is the lowest layer. */
class ProfileDefaultsTest {
  private static final String POSTGRES =
      "{\"backend\":{\"database\":{\"client\":\"pg\",\"connection\":{\"host\":\"127.0.0.1\",\"port\":5432,\"user\":\"postgres\"}}}}";

  @TempDir Path tmp;

  private LiveRootConfig load(String defaults, Map<String, String> env) {
    return LiveRootConfig.load(RootConfigOptions.builder().configDir(tmp).env(env).defaults(defaults).build());
  }

  @Test
  void profileDefaultsApplyWithoutAnyFile() {
    LiveRootConfig config = load(POSTGRES, Map.of());
    assertEquals("pg", config.getString("backend.database.client"));
    assertEquals(5432, config.getNumber("backend.database.connection.port"));
  }

  @Test
  void filesAndEnvWinOverTheProfile() {
    new TempConfig(tmp).write("app-config.yaml", "backend:\n  database:\n    connection:\n      port: 5433\n");
    LiveRootConfig config = load(POSTGRES, Map.of("APP_CONFIG_backend_database_connection_user", "\"me\""));
    assertEquals(5433, config.getNumber("backend.database.connection.port"));
    assertEquals("me", config.getString("backend.database.connection.user"));
    assertEquals("127.0.0.1", config.getString("backend.database.connection.host"));
    assertEquals("pg", config.getString("backend.database.client"));
  }

  @Test
  void blankDefaultsAreNone() {
    assertEquals(false, load("  ", Map.of()).has("backend"));
  }

  @Test
  void badYamlNamesTheProperty() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("backend: [1, 2", Map.of()));
    assertTrue(e.getMessage().startsWith("Failed to read config from framework property greenroom.config.defaults, invalid YAML: "),
        e.getMessage());
  }
}
