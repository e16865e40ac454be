package dev.greenroom.database.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Tiny JDBC helpers for assertions. */
final class Sql {
  private Sql() {}

  static void exec(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The first column of every row, as strings. */
  static List<String> column(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  /** Lower-case names of the tables visible in the connection's current schema. */
  static List<String> tables(DataSource ds) throws SQLException {
    return column(ds, "SELECT lower(table_name) FROM information_schema.tables"
        + " WHERE table_schema = current_schema() ORDER BY 1");
  }
}
