package dev.greenroom.scheduler.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The engine's one table in the plugin's own database, created by an idempotent migration. Names
 * carry Backstage's {@code backstage_backend_tasks__} prefix so they never collide with the
 * plugin's own tables. On PostgreSQL the migration runs under a transaction-scoped advisory lock,
 * so instances starting together create it once.
 */
public final class TaskTable {
  /** The table db-scheduler keeps its executions in. */
  public static final String NAME = "backstage_backend_tasks__scheduled_tasks";

  private TaskTable() {}

  public static void migrate(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      boolean postgres = product.contains("postgres");
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (postgres) {
          s.execute("SELECT pg_advisory_xact_lock(" + NAME.hashCode() + ")");
        }
        for (String ddl : ddl(postgres)) {
          s.execute(ddl);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static List<String> ddl(boolean postgres) {
    String text = postgres ? "text" : "varchar(1000)";
    // the SQL standard's name: H2 in PostgreSQL mode (the default database) rejects "blob"
    String bytes = postgres ? "bytea" : "binary large object";
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + NAME + " ("
            + " task_name " + text + " NOT NULL,"
            + " task_instance " + text + " NOT NULL,"
            + " task_data " + bytes + ","
            + " execution_time timestamp with time zone NOT NULL,"
            + " picked boolean NOT NULL,"
            + " picked_by " + text + ","
            + " last_success timestamp with time zone,"
            + " last_failure timestamp with time zone,"
            + " consecutive_failures int,"
            + " last_heartbeat timestamp with time zone,"
            + " version bigint NOT NULL,"
            + " priority smallint,"
            + " PRIMARY KEY (task_name, task_instance))",
        "CREATE INDEX IF NOT EXISTS " + NAME + "_execution_time_idx ON " + NAME + " (execution_time)",
        "CREATE INDEX IF NOT EXISTS " + NAME + "_last_heartbeat_idx ON " + NAME + " (last_heartbeat)");
  }
}
