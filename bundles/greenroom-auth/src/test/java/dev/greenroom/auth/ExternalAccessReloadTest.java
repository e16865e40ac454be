package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.config.LiveRootConfig;
import dev.greenroom.config.RootConfigFactory;
import dev.greenroom.config.RootConfigOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backend.auth.externalAccess follows the live root config: an edit of app-config.yaml (reloaded
 * as the watcher would) applies to every plugin at once, without a restart, and is logged by type
 * and subject, never with the token.
 */
class ExternalAccessReloadTest {
  private static final String OLD_TOKEN = "old-token-0123456789";
  private static final String NEW_TOKEN = "new-token-9876543210";

  @TempDir Path dir;
  private Path file;
  private LiveRootConfig config;
  private TestBackend backend;

  @BeforeEach
  void start() throws Exception {
    file = dir.resolve("app-config.yaml");
    write(staticEntry(OLD_TOKEN, "ci-old", null));
    config = LiveRootConfig.load(RootConfigOptions.builder().configDir(dir).env(Map.of()).build());
    TestBackend.Builder builder = TestBackend.builder()
        .defaultService(RootConfigFactory.create(() -> config))
        .defaultService(new TestDiscovery().factory());
    for (ServiceFactory<?> f : AuthServiceFactories.all()) {
      builder.defaultService(f);
    }
    backend = builder.add(AuthBackends.plugin("a")).add(AuthBackends.plugin("b")).start();
  }

  @AfterEach
  void stop() {
    backend.close();
    config.close();
  }

  private static String staticEntry(String token, String subject, String onlyPlugin) {
    return "      - type: static\n"
        + "        options:\n"
        + "          token: " + token + "\n"
        + "          subject: " + subject + "\n"
        + (onlyPlugin == null ? "" : "        accessRestrictions:\n          - plugin: " + onlyPlugin + "\n");
  }

  private void write(String... entries) throws Exception {
    Files.writeString(file, "backend:\n  auth:\n    externalAccess:\n" + String.join("", entries));
  }

  private void reload(String... entries) throws Exception {
    write(entries);
    assertTrue(config.reload(), "the new config loads");
  }

  private List<String> logs() {
    return backend.logs().messages();
  }

  @Test
  void anAddedTokenIsAcceptedAndARemovedOneRefusedByEveryPluginWithoutARestart() throws Exception {
    assertEquals(new BackstageServicePrincipal("ci-old"),
        backend.service(CoreServices.AUTH, "a").authenticate(OLD_TOKEN).principal());

    reload(staticEntry(NEW_TOKEN, "ci-new", null));

    for (String plugin : List.of("a", "b")) {
      assertEquals(new BackstageServicePrincipal("ci-new"),
          backend.service(CoreServices.AUTH, plugin).authenticate(NEW_TOKEN).principal());
      AuthenticationError refused = assertThrows(AuthenticationError.class,
          () -> backend.service(CoreServices.AUTH, plugin).authenticate(OLD_TOKEN));
      assertEquals("Illegal token", refused.getMessage());
    }
    assertTrue(logs().contains("Applied the change of backend.auth.externalAccess to all plugins: "
        + "added static subject 'ci-new'; removed static subject 'ci-old'"), String.valueOf(logs()));
    assertFalse(String.valueOf(logs()).contains(OLD_TOKEN) || String.valueOf(logs()).contains(NEW_TOKEN),
        "no token in any log line");
  }

  @Test
  void aChangedTokenOrRestrictionOfTheSameSubjectIsLoggedAsChanged() throws Exception {
    reload(staticEntry(NEW_TOKEN, "ci-old", "b"));

    NotAllowedError restricted = assertThrows(NotAllowedError.class,
        () -> backend.service(CoreServices.AUTH, "a").authenticate(NEW_TOKEN));
    assertEquals("This token's access is restricted to plugin(s) 'b'", restricted.getMessage());
    assertEquals("ci-old", ((BackstageServicePrincipal) backend.service(CoreServices.AUTH, "b")
        .authenticate(NEW_TOKEN).principal()).subject());
    assertTrue(logs().contains(
        "Applied the change of backend.auth.externalAccess to all plugins: changed static subject 'ci-old'"),
        String.valueOf(logs()));
  }

  @Test
  void anInvalidChangeIsLoggedWithItsKeyAndTheOldEntriesStay() throws Exception {
    reload(staticEntry("short", "ci-new", null));

    assertEquals(new BackstageServicePrincipal("ci-old"),
        backend.service(CoreServices.AUTH, "a").authenticate(OLD_TOKEN).principal());
    assertTrue(logs().contains("Ignored the change of backend.auth.externalAccess, the previous entries stay in "
        + "force: Illegal token, must be at least 8 characters length at "
        + "'backend.auth.externalAccess[0].options.token'"), String.valueOf(logs()));

    // fixed: applied
    reload(staticEntry(NEW_TOKEN, "ci-new", null));
    assertEquals(new BackstageServicePrincipal("ci-new"),
        backend.service(CoreServices.AUTH, "b").authenticate(NEW_TOKEN).principal());
  }

  @Test
  void removingEveryEntryRefusesTheTokens() throws Exception {
    Files.writeString(file, "backend:\n  baseUrl: http://localhost:7007\n");
    assertTrue(config.reload());
    assertThrows(AuthenticationError.class, () -> backend.service(CoreServices.AUTH, "a").authenticate(OLD_TOKEN));
    assertTrue(logs().contains(
        "Applied the change of backend.auth.externalAccess to all plugins: removed static subject 'ci-old'"),
        String.valueOf(logs()));
  }
}
