package dev.greenroom.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.scheduler.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The dialect is chosen, not autodetected: on H2 (the runtime's default database) db-scheduler's
 * autodetection logs a WARN for every GLOBAL task, which the example plugin's task made a WARN line
 * at every start of the README's run command. PostgreSQL's overrides: GlobalTasksPostgresTest.
 */
class TaskJdbcTest {
  @Test
  void h2GetsTheDefaultDialectWithZonedTimestamps() {
    assertEquals("Default", TaskJdbc.forDatabase(TestDatabases.h2()).getName());
  }
}
