package dev.greenroom.scheduler;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link GlobalTasksContract} on the real PostgreSQL (127.0.0.1:5432, user postgres), a fresh
 * database per test, dropped after it. Skipped when the server is down, failed under {@code CI=true}.
 */
class GlobalTasksPostgresTest extends GlobalTasksContract {
  private final List<TestDatabases.Postgres> databases = new ArrayList<>();

  @Override
  DataSource newDatabase() {
    TestDatabases.Postgres postgres = TestDatabases.postgres();
    databases.add(postgres);
    return postgres.dataSource();
  }

  @Override
  void closeDatabases() throws Exception {
    for (TestDatabases.Postgres p : databases) {
      p.close();
    }
    databases.clear();
  }
}
