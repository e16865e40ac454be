package dev.greenroom.example.backend.module.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The module's table {@value #TABLE} in its plugin's database (migration {@value #MIGRATIONS},
 * prefix {@value #PREFIX}): every tag the module has collected, once.
 */
final class TagStore {
  static final String MIGRATIONS = "db/migration/example-tags";
  static final String PREFIX = "example_tags";
  static final String TABLE = PREFIX + "__tags";

  private final DataSource dataSource;

  TagStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void record(List<String> tags) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + TABLE + " (tag) VALUES (?) ON CONFLICT DO NOTHING")) {
      for (String tag : tags) {
        insert.setString(1, tag);
        insert.executeUpdate();
      }
    }
  }
}
