package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.jwk.JWK;
import dev.greenroom.backend.api.services.LoggerService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A plugin's public service keys in its own database, in Backstage's table {@code
 * backstage_backend_public_keys__keys} ({@code id} = kid, {@code key} = the public JWK as JSON,
 * {@code expires_at} = an ISO-8601 string; expiry is checked by the reader). Every replica of the
 * plugin writes its keys there and lists all of them, so a token signed by one replica verifies at
 * any other. Upstream: backend-defaults src/entrypoints/auth/plugin/keys/DatabaseKeyStore.ts and
 * migrations/auth/20240327104803_public_keys.js.
 *
 * <p>Backstage creates the table with a knex migration (history in {@code
 * backstage_backend_public_keys__knex_migrations}); Greenroom creates the same table with {@code
 * CREATE TABLE IF NOT EXISTS}, unless the plugin's migrations are skipped.
 */
final class DatabaseKeyStore {
  static final String TABLE = "backstage_backend_public_keys__keys";
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** A stored public key. */
  record StoredKey(String id, JWK key, Instant expiresAt) {}

  private final Supplier<DataSource> dataSource;
  private final boolean skipMigrations;
  private final LoggerService logger;
  private final Clock clock;
  private volatile boolean tableReady;

  DatabaseKeyStore(Supplier<DataSource> dataSource, boolean skipMigrations, LoggerService logger, Clock clock) {
    this.dataSource = dataSource;
    this.skipMigrations = skipMigrations;
    this.logger = logger;
    this.clock = clock;
  }

  void addKey(JWK publicKey, Instant expiresAt) {
    try (Connection c = connection();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO \"" + TABLE + "\" (\"id\", \"key\", \"expires_at\") VALUES (?, ?, ?)")) {
      insert.setString(1, publicKey.getKeyID());
      insert.setString(2, publicKey.toJSONString());
      insert.setString(3, ISO_MILLIS.format(expiresAt));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Failed to store plugin service key in " + TABLE + ": " + e.getMessage(), e);
    }
  }

  /** The keys that have not expired; expired ones are removed (logged by kid). */
  List<StoredKey> listKeys() {
    List<StoredKey> valid = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    Instant now = clock.instant();
    try (Connection c = connection();
        Statement select = c.createStatement();
        ResultSet rows = select.executeQuery("SELECT \"id\", \"key\", \"expires_at\" FROM \"" + TABLE + "\"")) {
      while (rows.next()) {
        String id = rows.getString(1);
        Instant expiresAt = Instant.parse(rows.getString(3));
        if (expiresAt.isBefore(now)) {
          expired.add(id);
        } else {
          valid.add(new StoredKey(id, JWK.parse(rows.getString(2)), expiresAt));
        }
      }
    } catch (SQLException | ParseException | java.time.format.DateTimeParseException e) {
      throw new IllegalStateException("Failed to read plugin service keys from " + TABLE + ": " + e.getMessage(), e);
    }
    if (!expired.isEmpty()) {
      removeExpired(expired);
    }
    return valid;
  }

  private void removeExpired(List<String> kids) {
    logger.info("Removing expired plugin service keys, '" + String.join("', '", kids) + "'");
    String marks = kids.stream().map(k -> "?").collect(Collectors.joining(", "));
    try (Connection c = connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM \"" + TABLE + "\" WHERE \"id\" IN (" + marks + ")")) {
      for (int i = 0; i < kids.size(); i++) {
        delete.setString(i + 1, kids.get(i));
      }
      delete.executeUpdate();
    } catch (SQLException e) {
      logger.error("Failed to remove expired plugin service keys", e);
    }
  }

  private Connection connection() throws SQLException {
    Connection c = dataSource.get().getConnection();
    if (!tableReady) {
      try {
        ensureTable(c);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  private synchronized void ensureTable(Connection c) throws SQLException {
    if (tableReady || skipMigrations) {
      tableReady = true;
      return;
    }
    String create = "CREATE TABLE IF NOT EXISTS \"" + TABLE + "\" ("
        + "\"id\" VARCHAR(255) NOT NULL PRIMARY KEY, "
        + "\"key\" TEXT NOT NULL, "
        + "\"expires_at\" VARCHAR(255) NOT NULL)";
    boolean autoCommit = c.getAutoCommit();
    try (Statement s = c.createStatement()) {
      if (!autoCommit) {
        c.setAutoCommit(true);
      }
      s.execute(create);
    } catch (SQLException raced) {
      // two replicas creating the table at once: PostgreSQL lets one fail; the table is there
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1 FROM \"" + TABLE + "\" WHERE 1 = 0");
      } catch (SQLException stillMissing) {
        throw raced;
      }
    } finally {
      if (!autoCommit) {
        c.setAutoCommit(false);
      }
    }
    tableReady = true;
  }
}
