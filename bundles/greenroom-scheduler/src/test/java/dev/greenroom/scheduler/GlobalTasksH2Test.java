package dev.greenroom.scheduler;

import javax.sql.DataSource;

/** {@link GlobalTasksContract} on in-memory H2 in the database bundle's mode (PostgreSQL compatibility). */
class GlobalTasksH2Test extends GlobalTasksContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
