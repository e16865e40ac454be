package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.itests.HttpTestSupport;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * Data services in OSGi: the tags module's prefixed table in the example plugin's H2 database, the
 * memory cache and a local scheduler task of fixture plugin {@code user} ({@code svc-user}).
 */
public class DataServicesIT extends HttpTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Path ticksFile() {
    return workDir().resolve("svc-user-ticks.txt");
  }

  @Override
  protected Option[] moreOptions() {
    try {
      Files.deleteIfExists(ticksFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Option[] {
      fixtureBundle("svc-user"),
      frameworkProperty("greenroom.itest.svc.ticks").value(ticksFile().toString()),
    };
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  /**
   * Read as an operator would, beside the plugin: H2 embedded in the same framework shares the open
   * database file, so the test reaches it through the H2 bundle's own DataSource class (the test
   * probe does not import org.h2). No plugin can do this through core.database.
   */
  @Test
  public void theTagsModulesPrefixedTableIsInTheExampleDatabase() throws Exception {
    Bundle h2 = findBundle("com.h2database");
    assertTrue("no H2 bundle in the launch", h2 != null);
    DataSource ds = (DataSource) h2.loadClass("org.h2.jdbcx.JdbcDataSource").getConstructor().newInstance();
    Path dataDir = workDir().resolve("http").resolve(getClass().getSimpleName()).resolve("data");
    ds.getClass().getMethod("setURL", String.class).invoke(ds,
        "jdbc:h2:file:" + dataDir.resolve("example") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE");
    ds.getClass().getMethod("setUser", String.class).invoke(ds, "sa");
    List<String> tables = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = 'public' ORDER BY table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertTrue(tables.toString(), tables.contains("example_tags__tags"));
    assertTrue(tables.toString(), tables.contains("example_tags__flyway_schema_history"));
    assertTrue(tables.toString(), tables.contains("flyway_schema_history"));
  }

  @Test
  public void theMemoryCacheSetsGetsAndExpires() throws Exception {
    assertEquals(new Answer(200, "{\"k\":\"v\",\"short\":\"expired\"}"), get("/api/user/cache"));
  }

  @Test
  public void aLocalTaskRunsAndStopsWithItsPluginsBundle() throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (ticks() < 3) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the local task of plugin user ran " + ticks() + " times in " + WAIT);
      }
      Thread.sleep(50);
    }
    Bundle user = findBundle("dev.greenroom.fixtures.svc.user");
    user.stop();
    try {
      int afterStop = ticks();
      // ten periods of the task: it would have written again
      long quiet = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < quiet) {
        assertEquals("the task ran after its plugin's bundle stopped", afterStop, ticks());
        Thread.sleep(50);
      }
    } finally {
      user.start();
    }
  }

  private static int ticks() throws Exception {
    try {
      return Integer.parseInt(Files.readString(ticksFile()).trim());
    } catch (NoSuchFileException notYet) {
      return 0;
    }
  }
}
