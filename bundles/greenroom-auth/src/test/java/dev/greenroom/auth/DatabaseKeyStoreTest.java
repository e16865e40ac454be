package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.database.DatabaseServiceFactories;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backend.auth.pluginKeyStore type database (the default once backend.database is configured):
 * replicas of one backend (two TestBackends on one database) verify each other's tokens; the
 * JWKS lists every replica's key; expired keys leave the table. On H2 (one directory shared by both
 * replicas in this JVM) and on the real PostgreSQL at 127.0.0.1:5432.
 */
class DatabaseKeyStoreTest {
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private String pgPrefix;

  @AfterEach
  void dropPostgresDatabases() throws SQLException {
    if (pgPrefix == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + pgPrefix + "%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      }
    }
  }

  private Map<String, Object> h2() {
    return Map.of("backend", Map.of("database", Map.of("client", "h2", "connection", Map.of("directory", dir.toString()))));
  }

  private Map<String, Object> postgres() {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
      c.isValid(2);
    } catch (SQLException e) {
      Assumptions.abort("no PostgreSQL at 127.0.0.1:5432: " + e.getMessage());
    }
    pgPrefix = "gr_authkeys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    return Map.of("backend", Map.of("database", Map.of("client", "pg",
        "connection", Map.of("host", "127.0.0.1", "port", 5432, "user", "postgres"), "prefix", pgPrefix)));
  }

  private TestBackend replica(Map<String, Object> config) {
    return AuthBackends.start(config, clock, new TestDiscovery(), DatabaseServiceFactories.database(), "a", "b");
  }

  @Test
  void onH2() throws Exception {
    replicasShareKeys(h2());
  }

  @Test
  void onPostgres() throws Exception {
    replicasShareKeys(postgres());
  }

  @Test
  void anExplicitTypeWinsOverTheDefault() throws Exception {
    Map<String, Object> config = new HashMap<>(h2());
    config.put("backend", Map.of("database", ((Map<?, ?>) h2().get("backend")).get("database"),
        "auth", Map.of("pluginKeyStore", Map.of("type", "memory"))));
    try (TestBackend one = replica(config); TestBackend two = replica(config)) {
      AuthService a = one.service(CoreServices.AUTH, "a");
      String token = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b").token();
      // memory keys are per instance: the other replica cannot know them (its discovery leads nowhere)
      assertThrows(AuthenticationError.class, () -> two.service(CoreServices.AUTH, "b").authenticate(token));
    }
  }

  private void replicasShareKeys(Map<String, Object> config) throws Exception {
    try (TestBackend one = replica(config); TestBackend two = replica(config)) {
      AuthService aAtOne = one.service(CoreServices.AUTH, "a");
      AuthService aAtTwo = two.service(CoreServices.AUTH, "a");
      String fromOne = aAtOne.getPluginRequestToken(aAtOne.getOwnServiceCredentials(), "b").token();
      String fromTwo = aAtTwo.getPluginRequestToken(aAtTwo.getOwnServiceCredentials(), "b").token();
      String kidOne = SignedJWT.parse(fromOne).getHeader().getKeyID();
      String kidTwo = SignedJWT.parse(fromTwo).getHeader().getKeyID();
      assertNotEquals(kidOne, kidTwo, "each replica signs with its own key");

      // minted at one, verified at two, and the other way round
      assertEquals(new BackstageServicePrincipal("plugin:a"),
          two.service(CoreServices.AUTH, "b").authenticate(fromOne).principal());
      assertEquals(new BackstageServicePrincipal("plugin:a"),
          one.service(CoreServices.AUTH, "b").authenticate(fromTwo).principal());
      // either replica's JWKS lists both keys (public parts only)
      for (AuthService a : List.of(aAtOne, aAtTwo)) {
        List<Map<String, Object>> keys = a.listPublicServiceKeys();
        assertEquals(List.of(kidOne, kidTwo).stream().sorted().toList(),
            keys.stream().map(k -> (String) k.get("kid")).sorted().toList());
        assertTrue(keys.stream().noneMatch(k -> k.containsKey("d")), "never the private part");
      }
      assertTrue(one.logs().messages().contains("Created new signing key " + kidOne), String.valueOf(one.logs().messages()));

      // Backstage's expiry: a public key is listed for 3 key durations, then removed from the table
      clock.advance(Duration.ofHours(3).plusSeconds(1));
      assertEquals(List.of(), aAtTwo.listPublicServiceKeys());
      assertTrue(two.logs().messages().stream().anyMatch(m -> m.startsWith("Removing expired plugin service keys, '")),
          String.valueOf(two.logs().messages()));
      // a new token gets a new key, which the other replica finds
      String later = aAtOne.getPluginRequestToken(aAtOne.getOwnServiceCredentials(), "b").token();
      assertFalse(SignedJWT.parse(later).getHeader().getKeyID().equals(kidOne));
      assertEquals(new BackstageServicePrincipal("plugin:a"),
          two.service(CoreServices.AUTH, "b").authenticate(later).principal());
      // the expired key is gone: its (expired) token fails on the key, not only on the time
      AuthenticationError gone = assertThrows(AuthenticationError.class,
          () -> two.service(CoreServices.AUTH, "b").authenticate(fromOne));
      assertEquals("Failed plugin token verification", gone.getMessage());
    }
  }
}
