package dev.greenroom.database.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The packaged {@code dev.greenroom.database} bundle inside a real Felix: it resolves against only
 * the bundles the launch profile adds (HikariCP, H2, PostgreSQL driver, an slf4j exporter, the
 * API), and {@code Migrations.run} reads the scripts of ANOTHER bundle through that bundle's class
 * loader ({@code bundle://} URLs) with the embedded Flyway.
 */
@Timeout(120)
class OsgiMigrationsIT {
  @TempDir Path tmp;

  private static String jarOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation().toString();
  }

  @Test
  void migrationsOfAPluginBundleRunInsideFelix() throws Exception {
    Map<String, String> props = new HashMap<>();
    props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix").toString());
    props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    Framework felix = new FrameworkFactory().newFramework(props);
    felix.start();
    try {
      var ctx = felix.getBundleContext();
      List<String> locations = List.of(
          jarOf(dev.greenroom.backend.api.services.DatabaseService.class),
          jarOf(com.zaxxer.hikari.HikariDataSource.class),
          jarOf(org.h2.Driver.class),
          jarOf(org.postgresql.Driver.class),
          jarOf(org.ops4j.pax.logging.PaxLoggingService.class),
          extenders().toUri().toString(),
          Path.of(System.getProperty("greenroom.database.bundle")).toUri().toString(),
          pluginWithScripts().toUri().toString());
      Bundle database = null;
      Bundle plugin = null;
      for (String location : locations) {
        Bundle b = ctx.installBundle(location);
        if ("dev.greenroom.database".equals(b.getSymbolicName())) {
          database = b;
        }
        if ("test.plugin".equals(b.getSymbolicName())) {
          plugin = b;
        }
      }
      assertNotNull(database);
      database.start(); // throws if an import cannot be satisfied
      plugin.start();
      ClassLoader pluginLoader = plugin.adapt(BundleWiring.class).getClassLoader();

      Class<?> configType = database.loadClass("dev.greenroom.backend.api.services.Config");
      Map<String, Object> flat = Map.of(
          "backend.database.client", "h2",
          "backend.database.connection", Map.of("directory", tmp.resolve("db").toString()));
      Object config = Proxy.newProxyInstance(configType.getClassLoader(), new Class<?>[] {configType},
          (proxy, method, args) -> switch (method.getName()) {
            case "has" -> flat.containsKey((String) args[0]);
            case "getOptional", "getOptionalString", "getOptionalBoolean", "getOptionalNumber" ->
                Optional.ofNullable(flat.get((String) args[0]));
            default -> throw new UnsupportedOperationException(method.getName());
          });
      Class<?> managerType = database.loadClass("dev.greenroom.database.internal.DatabaseManager");
      Object manager = managerType.getConstructor(configType).newInstance(config);
      Object db = managerType.getMethod("forPlugin", String.class).invoke(manager, "example");

      Class<?> migrations = database.loadClass("dev.greenroom.database.migrations.Migrations");
      Class<?> dbType = database.loadClass("dev.greenroom.backend.api.services.DatabaseService");
      Object result = migrations.getMethod("run", dbType, ClassLoader.class, String.class, String.class)
          .invoke(null, db, pluginLoader, "db/migration/things", null);
      assertEquals(2, result.getClass().getMethod("applied").invoke(result));
      assertEquals("2", result.getClass().getMethod("version").invoke(result));
      ((AutoCloseable) manager).close();
    } finally {
      felix.stop();
      felix.waitForStop(30_000);
    }
  }

  /**
   * A plugin-like bundle holding only migration scripts (copied from the test resources), with
   * directory entries as bnd writes them: Flyway finds the folder through {@code getResources}.
   */
  private Path pluginWithScripts() throws IOException {
    Manifest m = manifest("test.plugin");
    Path jar = tmp.resolve("plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
      for (String dir : List.of("db/", "db/migration/", "db/migration/things/")) {
        out.putNextEntry(new JarEntry(dir));
        out.closeEntry();
      }
      for (String name : List.of("V1__create_things.sql", "V2__add_note.sql")) {
        URL script = getClass().getResource("/db/migration/things/" + name);
        out.putNextEntry(new JarEntry("db/migration/things/" + name));
        try (var in = script.openStream()) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * Stands in for SCR and the Greenroom runtime, whose extender capabilities the database bundle
   * requires: this test drives the plain-Java API directly, not the DS component.
   */
  private Path extenders() throws IOException {
    Manifest m = manifest("test.extenders");
    m.getMainAttributes().putValue(Constants.PROVIDE_CAPABILITY,
        "osgi.extender;osgi.extender=osgi.component;version:Version=1.5.0,"
            + "osgi.extender;osgi.extender=greenroom.backend;version:Version=0.1.0");
    Path jar = tmp.resolve("extenders.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
      // manifest only
    }
    return jar;
  }

  private static Manifest manifest(String bsn) {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
    a.putValue(Constants.BUNDLE_SYMBOLICNAME, bsn);
    a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
    return m;
  }
}
