package dev.greenroom.database.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MigrationRepairContract} on H2 files opened as the runtime opens them (H2Connector:
 * PostgreSQL mode). H2 has no transactional DDL, so a script whose later statement fails leaves its
 * tables behind and Flyway records the migration as failed.
 */
@Timeout(120)
class MigrationRepairH2Test extends MigrationRepairContract {
  @TempDir Path dir;

  @Override
  DatabaseManager manager() {
    return new DatabaseManager(Configs.of(Configs.h2Dir(dir)));
  }

  @Override
  String failing() {
    return "db/migration/halfway";
  }

  @Override
  String fixed() {
    return "db/migration/halfway-fixed";
  }

  @Override
  String leftBehindQuery() {
    return "SELECT table_name FROM information_schema.tables WHERE lower(table_name) = 'todo_tags'";
  }
}
