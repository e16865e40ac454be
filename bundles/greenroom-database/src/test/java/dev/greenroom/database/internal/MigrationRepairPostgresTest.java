package dev.greenroom.database.internal;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MigrationRepairContract} on the real PostgreSQL. Its DDL is transactional, so an ordinary
 * failing script leaves nothing behind (MigrationsPostgresTest); the half-applied state comes from a
 * migration Flyway must run outside a transaction — {@code CREATE INDEX CONCURRENTLY}, the usual way
 * to index a large table without locking it — whose second statement fails after the first index
 * was built. Flyway then records the migration as failed, as on H2.
 */
@Timeout(180)
class MigrationRepairPostgresTest extends MigrationRepairContract {
  private String prefix;

  @BeforeEach
  void requirePostgres() {
    Postgres.require();
    prefix = Postgres.uniquePrefix();
  }

  @AfterEach
  void dropWhatWeCreated() throws SQLException {
    if (prefix != null) {
      Postgres.dropDatabasesWithPrefix(prefix);
    }
  }

  @Override
  DatabaseManager manager() {
    return new DatabaseManager(Configs.of(Configs.pg(prefix, Map.of())));
  }

  @Override
  String failing() {
    return "db/migration/pg-halfway";
  }

  @Override
  String fixed() {
    return "db/migration/pg-halfway-fixed";
  }

  @Override
  String leftBehindQuery() {
    return "SELECT indexname FROM pg_indexes WHERE indexname = 'todos_title'";
  }
}
