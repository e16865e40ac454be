package dev.greenroom.example.backend.module.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The module's prefixed table in the plugin's on-disk H2 database, kept across a restart. */
@Timeout(60)
class TagStoreTest {

  /** A stand-in example plugin that hands its database out, and a module that adds {@code tags}. */
  private static TestBackend start(Path data, AtomicReference<DatabaseService> db, String... tags) {
    BackendPlugin plugin = BackendPlugin.create("example", reg -> {
      reg.registerExtensionPoint(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) e -> {});
      reg.registerInit(Deps.of(CoreServices.DATABASE), deps -> db.set(deps.get(CoreServices.DATABASE)));
    });
    var tagger = dev.greenroom.backend.api.BackendModule.create("example", "tagger", reg ->
        reg.registerInit(Deps.of(ExampleExtensionPoints.TAGS), deps -> {
          for (String t : tags) {
            deps.get(ExampleExtensionPoints.TAGS).addTag(t);
          }
        }));
    return TestBackend.builder().add(plugin).add(new TagsModule()).add(tagger)
        .config(Map.of("backend", Map.of("database", Map.of("client", "h2", "connection", Map.of("directory", data.toString())))))
        .start();
  }

  private static List<String> query(DatabaseService db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getClient().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void tagsLandInTheModulesPrefixedTableAndSurviveARestart(@TempDir Path data) throws Exception {
    AtomicReference<DatabaseService> db = new AtomicReference<>();
    try (TestBackend backend = start(data, db, "greeting", "demo")) {
      assertEquals(List.of("demo", "greeting"), query(db.get(), "SELECT tag FROM example_tags__tags ORDER BY tag"));
      assertEquals(List.of("example_tags__flyway_schema_history", "example_tags__tags"), query(db.get(),
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
    }
    try (TestBackend backend = start(data, db, "later")) {
      assertEquals(List.of("demo", "greeting", "later"), query(db.get(), "SELECT tag FROM example_tags__tags ORDER BY tag"));
    }
  }
}
