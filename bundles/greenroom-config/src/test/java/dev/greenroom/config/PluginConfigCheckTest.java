package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.test.base.TestBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginConfigCheckTest {
  private static final ConfigSchema CATALOG_SCHEMA = ConfigSchema.parse("plugin 'catalog'", "catalog.json",
      "{\"type\":\"object\",\"properties\":{\"catalog\":{\"type\":\"object\",\"properties\":{\"port\":{\"type\":\"integer\"}}}}}");

  private static final String VIOLATION =
      "Config validation failed for plugin 'catalog': 'catalog.port' in 'app-config.yaml' string found, integer expected";

  @TempDir Path tmp;

  private final AtomicBoolean initialized = new AtomicBoolean();

  private BackendPlugin catalog() {
    return BackendPlugin.create("catalog", env -> env.registerInit(Deps.of(CoreServices.ROOT_CONFIG),
        deps -> initialized.set(true)));
  }

  private TestBackend start(LiveRootConfig live) {
    return TestBackend.builder()
        .add(RootConfigFactory.create(() -> live))
        .add(PluginConfigCheck.factory(id -> id.equals("catalog") ? List.of(CATALOG_SCHEMA) : List.of()))
        .add(catalog())
        .start();
  }

  @Test
  void aPluginWhoseConfigViolatesItsSchemaFailsAtStartupWithTheSchemaMessage() {
    new TempConfig(tmp).write("app-config.yaml", "catalog:\n  port: abc\n");
    // the schema is not among the load's schemas: as in OSGi, where it arrives after the load
    try (LiveRootConfig live = LiveRootConfig.load(RootConfigOptions.builder().configDir(tmp).env(Map.of()).build())) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> start(live).close());
      assertEquals("Backend startup failed due to the following errors:\n"
          + "  Plugin 'catalog' startup failed; caused by Error: Failed to instantiate service 'greenroom.configSchemaCheck'"
          + " for 'catalog' because the factory function threw an error, ConfigException: " + VIOLATION, e.getMessage().stripTrailing());
      // the same violation as data: key and file
      ConfigException direct = assertThrows(ConfigException.class, () -> live.validate(List.of(CATALOG_SCHEMA)));
      assertEquals(VIOLATION, direct.getMessage());
      assertEquals("catalog.port", direct.key());
      assertEquals("app-config.yaml", direct.file());
      assertEquals(false, initialized.get());
    }
  }

  @Test
  void aPluginWithValidConfigStartsAndItsCheckListsTheSchema() {
    new TempConfig(tmp).write("app-config.yaml", "catalog:\n  port: 7007\n");
    try (LiveRootConfig live = LiveRootConfig.load(RootConfigOptions.builder().configDir(tmp).env(Map.of()).build());
        TestBackend backend = start(live)) {
      assertTrue(initialized.get());
      PluginConfigCheck check = backend.service(PluginConfigCheck.REF, "catalog");
      assertEquals("catalog", check.pluginId());
      assertEquals(List.of(CATALOG_SCHEMA), check.schemas());
    }
  }

  @Test
  void fixingTheConfigAndRestartingPasses() {
    TempConfig files = new TempConfig(tmp);
    files.write("app-config.yaml", "catalog:\n  port: abc\n");
    try (LiveRootConfig live = LiveRootConfig.load(RootConfigOptions.builder().configDir(tmp).env(Map.of()).build())) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> start(live).close());
      assertTrue(e.getMessage().contains(VIOLATION), e.getMessage());
      files.write("app-config.yaml", "catalog:\n  port: 7008\n");
      assertTrue(live.reload());
      try (TestBackend backend = start(live)) {
        assertTrue(initialized.get());
      }
    }
  }
}
