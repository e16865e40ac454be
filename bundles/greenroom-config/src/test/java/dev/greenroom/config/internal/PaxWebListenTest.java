package dev.greenroom.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.config.LiveRootConfig;
import dev.greenroom.config.RootConfigOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backend.listen read from real files and the APP_CONFIG_ overlay, as Pax Web's two keys. */
class PaxWebListenTest {
  @TempDir Path dir;

  private Map<String, String> listen(String yaml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve("app-config.yaml"), yaml);
    try (LiveRootConfig config = LiveRootConfig.load(RootConfigOptions.builder().configDir(dir).env(env).build())) {
      return PaxWebListen.properties(config);
    }
  }

  private static Map<String, String> pax(String port, String host) {
    return Map.of(PaxWebListen.PORT, port, PaxWebListen.ADDRESSES, host);
  }

  @Test
  void defaultsAreLoopbackAndBackstagesPort() throws Exception {
    assertEquals(pax("7007", "127.0.0.1"), listen("app: {title: x}\n", Map.of()));
  }

  @Test
  void objectFormFromTheFile() throws Exception {
    assertEquals(pax("7410", "0.0.0.0"), listen("backend:\n  listen:\n    host: 0.0.0.0\n    port: 7410\n", Map.of()));
    assertEquals(pax("7411", "127.0.0.1"), listen("backend:\n  listen:\n    port: '7411'\n", Map.of()));
  }

  @Test
  void stringForms() throws Exception {
    assertEquals(pax("7412", "::1"), listen("backend:\n  listen: '::1:7412'\n", Map.of()));
    assertEquals(pax("7413", "127.0.0.1"), listen("backend:\n  listen: ':7413'\n", Map.of()));
  }

  @Test
  void theEnvOverlayAloneMovesThePort() throws Exception {
    assertEquals(pax("7414", "127.0.0.1"), listen("app: {title: x}\n", Map.of("APP_CONFIG_backend_listen_port", "7414")));
  }

  @Test
  void aBadPortNamesTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> listen("backend:\n  listen:\n    port: lots\n", Map.of()));
    assertEquals("Invalid config value at 'backend.listen.port': 'lots' is not a port number", e.getMessage());
  }
}
