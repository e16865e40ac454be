package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadingTest {
  @TempDir Path tmp;

  @Test
  void localFileIsMergedOverTheMainFileObjectsDeepArraysReplaced() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "backend:\n  listen:\n    port: 7007\n    host: 0.0.0.0\n  list: [a, b]\napp:\n  title: Main\n");
    c.write("app-config.local.yaml", "backend:\n  listen:\n    port: 8008\n  list: [c]\n");
    LiveRootConfig config = c.load();
    assertEquals(8008, config.getNumber("backend.listen.port"));
    assertEquals("0.0.0.0", config.getString("backend.listen.host"));
    assertEquals(List.of("c"), config.getStringArray("backend.list"));
    assertEquals("Main", config.getString("app.title"));
  }

  @Test
  void explicitFilesReplaceTheDefaultsAndMergeInOrder() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "a: default\n");
    c.write("one.yaml", "a: one\nb: one\n");
    c.write("two.yaml", "b: two\n");
    LiveRootConfig config = LiveRootConfig.load(RootConfigOptions.builder()
        .configDir(tmp).files(List.of(Path.of("one.yaml"), Path.of("two.yaml"))).env(Map.of()).build());
    assertEquals("one", config.getString("a"));
    assertEquals("two", config.getString("b"));
  }

  @Test
  void aMissingExplicitFileIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> LiveRootConfig.load(RootConfigOptions.builder()
        .configDir(tmp).files(List.of(Path.of("nope.yaml"))).env(Map.of()).build()));
    assertEquals("Config file \"" + tmp.resolve("nope.yaml") + "\" does not exist", e.getMessage());
  }

  @Test
  void noConfigFilesGivesAnEmptyConfig() {
    LiveRootConfig config = new TempConfig(tmp).load();
    assertFalse(config.has("backend"));
  }

  @Test
  void invalidYamlNamesTheFileAndPosition() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "backend:\n  port: [1, 2\n");
    ConfigException e = assertThrows(ConfigException.class, c::load);
    assertEquals(c.abs("app-config.yaml"), e.file());
    assertEquals(true, e.getMessage().startsWith("Failed to read config file at \"" + c.abs("app-config.yaml") + "\", invalid YAML: "),
        e.getMessage());
    assertEquals(true, e.getMessage().contains(" at line "), e.getMessage());
  }

  @Test
  void aNonObjectRootIsRefused() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "- a\n- b\n");
    ConfigException e = assertThrows(ConfigException.class, c::load);
    assertEquals("Failed to read config file at \"" + c.abs("app-config.yaml") + "\", expected object at config root", e.getMessage());
  }
}
