package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchTest {
  @TempDir Path tmp;

  @Test
  void anEditReachesSubscribersAndABrokenEditKeepsTheOldConfig() throws Exception {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "app:\n  title: one\n  secret:\n    $file: secret.txt\n");
    c.write("secret.txt", "s1");
    BlockingQueue<String> changes = new ArrayBlockingQueue<>(10);
    BlockingQueue<ConfigException> errors = new ArrayBlockingQueue<>(10);
    try (LiveRootConfig config = LiveRootConfig.load(RootConfigOptions.builder()
        .configDir(tmp).env(Map.of()).watch(Duration.ofMillis(20)).onReloadError(errors::add).build())) {
      config.subscribe(() -> changes.add(config.getString("app.title") + "/" + config.getString("app.secret")));

      c.write("app-config.yaml", "app:\n  title: two\n  secret:\n    $file: secret.txt\n");
      assertEquals("two/s1", changes.poll(30, TimeUnit.SECONDS));

      c.write("secret.txt", "s2");
      assertEquals("two/s2", changes.poll(30, TimeUnit.SECONDS), "an included file is watched too");

      c.write("app-config.yaml", "app:\n  title: [broken\n");
      ConfigException error = errors.poll(30, TimeUnit.SECONDS);
      assertTrue(error.getMessage().startsWith("Failed to read config file at \"" + c.abs("app-config.yaml") + "\""), error.getMessage());
      assertEquals("two", config.getString("app.title"));
      assertEquals(error, config.lastReloadError().orElseThrow());
    }
  }
}
