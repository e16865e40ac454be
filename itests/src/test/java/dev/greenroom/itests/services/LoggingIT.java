package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.itests.HttpTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The logging bundle on the real pax-logging-log4j2: it writes Greenroom's configuration to
 * pax-logging's pid, and when a user's configuration replaces it, lines carry their meta in the
 * MDC for that configuration's layout (Greenroom's own pretty pattern does not need it there).
 */
public class LoggingIT extends HttpTestSupport {
  private static final String PAX_PID = "org.ops4j.pax.logging";

  @Test
  public void greenroomsConfigurationThenAUsersLayoutReadingTheMetaFromTheMdc() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    ConfigurationAdmin cm = awaitService(ConfigurationAdmin.class, null, TIMEOUT);
    Configuration pax = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + PAX_PID + ")")[0];
    assertEquals("true", String.valueOf(pax.getProperties().get("greenroom.generated")));
    assertEquals("Console", pax.getProperties().get("log4j2.appender.out.type"));

    Path file = workDir().resolve("logging-it").resolve("user.log");
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Dictionary<String, Object> user = new Hashtable<>();
    user.put("log4j2.rootLogger.level", "info");
    user.put("log4j2.rootLogger.appenderRef.file.ref", "file");
    user.put("log4j2.appender.file.type", "File");
    user.put("log4j2.appender.file.name", "file");
    user.put("log4j2.appender.file.fileName", file.toString());
    user.put("log4j2.appender.file.immediateFlush", "true");
    user.put("log4j2.appender.file.layout.type", "PatternLayout");
    user.put("log4j2.appender.file.layout.pattern", "%X{service}|%X{type}|%m%n");
    pax.update(user);

    // pax-logging applies the configuration and the logging bundle sees it, both asynchronously
    String line = null;
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (line == null && System.nanoTime() < end) {
      assertEquals(200, get("/api/example/health").status());
      line = requestLine(file);
      Thread.sleep(100);
    }
    assertTrue("no request line with its meta in " + file + ": " + read(file),
        line != null && line.contains("\"GET /api/example/health HTTP/1.1\" 200 15 \"-\""));
  }

  private static String requestLine(Path file) throws Exception {
    return read(file).stream()
        // this test's own request: a readiness probe may be logged through the new layout first
        .filter(l -> l.startsWith("rootHttpRouter|incomingRequest|[") && l.contains("/api/example/health"))
        .findFirst()
        .orElse(null);
  }

  private static List<String> read(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }
}
