package dev.greenroom.scheduler.internal;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * db-scheduler's SQL dialect for the plugin's database, chosen here rather than by its autodetection,
 * which warns on every GLOBAL task started on H2 ("No database-specific jdbc-overrides applied") although
 * the task table's columns are {@code timestamp with time zone} on both databases, which is what its
 * default assumes (TaskTable). PostgreSQL gets its overrides (SELECT ... FOR UPDATE SKIP LOCKED), as the
 * autodetection would pick them.
 */
final class TaskJdbc {
  private TaskJdbc() {}

  static JdbcCustomization forDatabase(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      return product != null && product.contains("PostgreSQL")
          ? new PostgreSqlJdbcCustomization(false, false)
          : new DefaultJdbcCustomization(false);
    } catch (SQLException e) {
      return new DefaultJdbcCustomization(false);
    }
  }
}
