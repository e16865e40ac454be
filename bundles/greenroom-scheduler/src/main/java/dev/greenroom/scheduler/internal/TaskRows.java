package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Direct access to a task's row for an instance that did not schedule the task itself, so
 * triggering works from any instance as in Backstage. Bumps {@code version} as the engine's
 * optimistic locking expects.
 */
final class TaskRows {
  private TaskRows() {}

  static void trigger(DataSource dataSource, String taskId) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement exists =
          c.prepareStatement("SELECT 1 FROM " + TaskTable.NAME + " WHERE task_name = ? AND task_instance = ?")) {
        exists.setString(1, taskId);
        exists.setString(2, GlobalTaskWorker.INSTANCE);
        try (ResultSet rs = exists.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundError("Task " + taskId + " does not exist");
          }
        }
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE " + TaskTable.NAME + " SET execution_time = ?, version = version + 1"
                  + " WHERE task_name = ? AND task_instance = ? AND picked = ?")) {
        update.setTimestamp(1, Timestamp.from(Instant.now()));
        update.setString(2, taskId);
        update.setString(3, GlobalTaskWorker.INSTANCE);
        update.setBoolean(4, false);
        if (update.executeUpdate() < 1) {
          throw new ConflictError("Task " + taskId + " is currently running");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Failed to trigger task " + taskId + ": " + e.getMessage(), e);
    }
  }
}
