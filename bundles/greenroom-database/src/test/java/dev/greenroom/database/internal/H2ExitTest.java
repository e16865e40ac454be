package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's H2 database stays open through the JVM's shutdown: the backend's own shutdown is a JVM
 * shutdown hook (a SIGTERM, even one during startup), and plugins still initialising or running
 * their shutdown hooks use their database then; the runtime closes the pool itself afterwards. H2's
 * default (DB_CLOSE_ON_EXIT) closed the database from H2's own hook at the same moment: "Database is
 * already closed" (bench/README.md, round 3). A child JVM opens the database through H2Connector,
 * exits, and writes from a shutdown hook 300 ms later.
 */
class H2ExitTest {
  @Test
  void theDatabaseOutlivesTheJvmShutdownHooks(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        H2ExitTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    child.waitFor(60, TimeUnit.SECONDS);
    assertEquals(List.of("written"), out.lines().filter(l -> !l.isBlank()).toList(), out);
  }

  /** The child: open, exit, write from a shutdown hook. */
  public static void main(String[] args) throws IOException {
    PluginDatabaseSettings s = new PluginDatabaseSettings(
        "probe", DatabaseClient.H2, false, Path.of(args[0]), null, null, null, false, false, null, 1, 0);
    try {
      Connection c = new H2Connector("exit-test").dataSource(s).getConnection();
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (v INT)");
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Thread.sleep(300);
          try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO t VALUES (1)");
          }
          c.close();
          System.out.println("written");
        } catch (Exception e) {
          System.out.println("failed: " + e.getMessage());
        }
      }));
    } catch (Exception e) {
      System.out.println("could not open: " + e);
    }
    System.exit(0);
  }
}
