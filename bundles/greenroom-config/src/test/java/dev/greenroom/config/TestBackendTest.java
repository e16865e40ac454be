package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.test.base.TestBackend;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBackendTest {
  @TempDir Path tmp;

  @Test
  void aPluginReadsItsConfigThroughTheFactory() {
    new TempConfig(tmp).write("app-config.yaml", "example:\n  greeting: ${GREETING:-hello}\n  count: '3'\n");
    AtomicReference<String> seen = new AtomicReference<>();
    BackendPlugin plugin = BackendPlugin.create("example", env -> env.registerInit(Deps.of(CoreServices.ROOT_CONFIG), deps -> {
      var config = deps.get(CoreServices.ROOT_CONFIG).getConfig("example");
      seen.set(config.getString("greeting") + " x" + (int) config.getNumber("count"));
    }));
    RootConfigOptions options = RootConfigOptions.builder().configDir(tmp).env(Map.of("GREETING", "hi")).build();
    try (TestBackend backend = TestBackend.builder().add(RootConfigFactory.create(options)).add(plugin).start()) {
      assertEquals("hi x3", seen.get());
    }
  }
}
