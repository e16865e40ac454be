package dev.greenroom.example.backend;

import dev.greenroom.example.node.Example;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@code examples} table (migration {@code db/migration/example}): every example the plugin
 * has been given, once, with when it was first seen. Rows stay when a module that contributed them
 * is gone, which is what makes a restart visibly keep data.
 */
final class ExampleStore {
  static final String MIGRATIONS = "db/migration/example";

  private final DataSource dataSource;

  ExampleStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records examples not stored yet; returns how many were new. */
  int record(List<Example> examples) throws SQLException {
    int added = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO examples (name, source) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (Example e : examples) {
        insert.setString(1, e.name());
        insert.setString(2, e.source());
        added += insert.executeUpdate();
      }
    }
    return added;
  }

  /** Stores an example added over HTTP (source {@code api}); false when it was there already. */
  boolean create(String name) throws SQLException {
    return record(List.of(new Example(name, "api"))) == 1;
  }

  /** How many examples are stored. */
  long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM examples");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every stored example as JSON-ready maps {@code {name, source, firstSeenAt}}, oldest first. */
  List<Map<String, Object>> list() throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(
            "SELECT name, source, first_seen_at FROM examples ORDER BY first_seen_at, name, source");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", rs.getString(1));
        row.put("source", rs.getString(2));
        row.put("firstSeenAt", rs.getObject(3, OffsetDateTime.class).toString());
        out.add(row);
      }
    }
    return out;
  }
}
