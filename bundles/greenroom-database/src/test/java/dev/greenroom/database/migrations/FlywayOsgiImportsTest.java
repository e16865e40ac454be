package dev.greenroom.database.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flyway-core 9.22.3's own bundle manifest imports neither Gson nor Jackson, yet its plugin
 * registry instantiates a Gson-based class on every run: as a bundle of its own it fails in OSGi.
 * Greenroom therefore embeds Flyway with Gson privately (see bnd.bnd) and leaves Jackson an
 * optional import. This runs a migration with exactly flyway-core, Gson and H2 visible (as inside
 * the database bundle) to prove the path Greenroom uses never needs Jackson.
 */
class FlywayOsgiImportsTest {
  @TempDir Path dir;

  private static URL jarOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void migrateNeedsGsonButNoJackson() throws Exception {
    URL scripts = jarOf(FlywayOsgiImportsTest.class); // test-classes holds db/migration/things
    URL[] urls = {jarOf(org.flywaydb.core.Flyway.class), jarOf(com.google.gson.Gson.class), jarOf(org.h2.Driver.class), scripts};
    try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
      Class<?> flywayClass = isolated.loadClass("org.flywaydb.core.Flyway");
      Object config = flywayClass.getMethod("configure", ClassLoader.class).invoke(null, isolated);
      Class<?> fluent = config.getClass();
      fluent.getMethod("dataSource", String.class, String.class, String.class)
          .invoke(config, "jdbc:h2:file:" + dir.resolve("iso") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
      fluent.getMethod("locations", String[].class).invoke(config, (Object) new String[] {"classpath:db/migration/things"});
      fluent.getMethod("failOnMissingLocations", boolean.class).invoke(config, true);
      Object flyway = fluent.getMethod("load").invoke(config);
      Object result = flywayClass.getMethod("migrate").invoke(flyway);
      assertEquals(2, result.getClass().getField("migrationsExecuted").get(result));
    }
  }
}
