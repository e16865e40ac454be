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

  /** A task's row as the scheduler routes show it. */
  record Row(
      String taskId, boolean picked, String pickedBy, Instant executionTime, Instant lastSuccess, Instant lastFailure) {
    /** When the last run ended, success or failure. */
    Instant lastRunEndedAt() {
      if (lastSuccess == null) {
        return lastFailure;
      }
      return lastFailure == null || lastSuccess.isAfter(lastFailure) ? lastSuccess : lastFailure;
    }

    boolean lastRunFailed() {
      return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
    }
  }

  /** Every task row of the plugin's table, by task id (Backstage's {@code TaskWorker.taskStates}). */
  static java.util.Map<String, Row> rows(DataSource dataSource) {
    java.util.Map<String, Row> rows = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(
            "SELECT task_name, picked, picked_by, execution_time, last_success, last_failure FROM " + TaskTable.NAME
                + " WHERE task_instance = ?")) {
      select.setString(1, GlobalTaskWorker.INSTANCE);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getString(1), new Row(rs.getString(1), rs.getBoolean(2), rs.getString(3),
              instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Failed to read the scheduled tasks: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Cancel for a task this instance is not running: Backstage's answers when the task is unknown or
   * not running. A run on another instance is cancelled there (the engine keeps no cross-instance
   * cancel request).
   */
  static void cancelElsewhere(DataSource dataSource, String taskId) {
    Row row = rows(dataSource).get(taskId);
    if (row == null) {
      throw new NotFoundError("Task " + taskId + " does not exist");
    }
    if (!row.picked()) {
      throw new ConflictError("Task " + taskId + " is not running");
    }
    throw new ConflictError("Task " + taskId + " is running on another instance (" + row.pickedBy()
        + "); cancel it there");
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
