package ${package}.backend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code items} table (src/main/resources/db/migration/${pluginId}/V1__create_items.sql), in plain
 * JDBC: the same SQL runs on Greenroom's embedded H2 (PostgreSQL mode) and on PostgreSQL.
 */
final class ${pluginName}Store {
  /** One row of {@code items}, as served in JSON. */
  public record Item(long id, String title, String createdBy, String createdAt) {}

  private final DataSource dataSource;

  ${pluginName}Store(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Item add(String title, String createdBy) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO items (title, created_by, created_at) VALUES (?, ?, ?)", new String[] {"id"})) {
      insert.setString(1, title);
      insert.setString(2, createdBy);
      insert.setObject(3, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Item(keys.getLong(1), title, createdBy, now.toString());
      }
    }
  }

  List<Item> list() throws SQLException {
    List<Item> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(
            "SELECT id, title, created_by, created_at FROM items ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        items.add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString()));
      }
    }
    return items;
  }
}
