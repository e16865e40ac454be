package dev.greenroom.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.services.LoggerService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/** The root logger on the real log4j2 backend, configured with Greenroom's generated properties. */
class GreenroomLoggerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private GreenroomLogger rootLogger(LogSettings settings, SecretsConfig config) {
    return RootLoggerFactory.create(config.service(), settings, LoggerFactory::getLogger);
  }

  @Test
  void prettyLineIsTimeLevelPluginMessageThenFields() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.PRETTY);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    LoggerService plugin = rootLogger(settings, new SecretsConfig(Set.of()))
        .child(Map.of("plugin", "catalog"))
        .child(Map.of("module", "github"))
        .child(Map.of("task", "refresh"));

    plugin.info("Refreshed {} entities");

    List<String> lines = out.lines();
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(
        lines.get(0).matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z info catalog Refreshed \\{\\} entities module=github task=refresh"),
        lines.get(0));
  }

  @Test
  void jsonLineCarriesLevelMessageTimestampAndEveryMetaField() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    GreenroomLogger root = rootLogger(settings, new SecretsConfig(Set.of()));

    root.child(Map.of("plugin", "catalog", "module", "github")).warn("Slow response");
    root.error("Boom", new IllegalStateException("broken pipe"));

    List<String> lines = out.lines();
    assertEquals(2, lines.size(), lines::toString);
    JsonNode plugin = JSON.readTree(lines.get(0));
    assertEquals("warn", plugin.get("level").asText());
    assertEquals("Slow response", plugin.get("message").asText());
    assertEquals("backstage", plugin.get("service").asText());
    assertEquals("catalog", plugin.get("plugin").asText());
    assertEquals("github", plugin.get("module").asText());
    assertEquals("catalog", plugin.get("logger").asText());
    assertTrue(plugin.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    assertFalse(plugin.has("error"), "no error field without an error: " + plugin);
    assertFalse(plugin.has("stack"));

    JsonNode error = JSON.readTree(lines.get(1));
    assertEquals("error", error.get("level").asText());
    assertEquals("Boom", error.get("message").asText());
    assertEquals("broken pipe", error.get("error").asText());
    assertTrue(error.get("stack").asText().startsWith("java.lang.IllegalStateException: broken pipe"),
        error.get("stack").asText());
    assertFalse(error.has("plugin"));
  }

  @Test
  void levelFromLogLevelFiltersLines() throws Exception {
    LogSettings settings = LogSettings.fromEnv(Map.of("LOG_LEVEL", "warn", "NODE_ENV", "production"));
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    GreenroomLogger root = rootLogger(settings, new SecretsConfig(Set.of()));

    root.debug("debug line");
    root.info("info line");
    root.warn("warn line");
    root.error("error line");

    List<String> messages = out.lines().stream()
        .map(line -> readTree(line).get("message").asText())
        .toList();
    assertEquals(List.of("warn line", "error line"), messages);
  }

  @Test
  void debugLevelLetsDebugLinesThrough() throws Exception {
    LogSettings settings = LogSettings.fromEnv(Map.of("LOG_LEVEL", "debug", "NODE_ENV", "production"));
    Log4jHarness out = Log4jHarness.configure(settings, dir);

    rootLogger(settings, new SecretsConfig(Set.of())).debug("debug line");

    assertEquals("debug", readTree(out.lines().get(0)).get("level").asText());
  }

  @Test
  void secretsAreRedactedFromMessageMetaAndErrorAndFollowConfigChanges() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    SecretsConfig config = new SecretsConfig(Set.of("hunter2"));
    LoggerService logger = rootLogger(settings, config).child(Map.of("plugin", "db", "url", "pg://u:hunter2@h"));

    logger.error("login with hunter2 failed", new RuntimeException("bad password hunter2"));
    config.change(Set.of("t0ken"));
    logger.info("hunter2 is no longer secret, t0ken is");

    List<String> lines = out.lines();
    JsonNode first = readTree(lines.get(0));
    assertEquals("login with [REDACTED] failed", first.get("message").asText());
    assertEquals("pg://u:[REDACTED]@h", first.get("url").asText());
    assertEquals("bad password [REDACTED]", first.get("error").asText());
    assertTrue(first.get("stack").asText().startsWith("java.lang.RuntimeException: bad password [REDACTED]"));
    assertFalse(lines.get(0).contains("hunter2"), lines.get(0));

    JsonNode second = readTree(lines.get(1));
    assertEquals("hunter2 is no longer secret, [REDACTED] is", second.get("message").asText());
    assertEquals("pg://u:hunter2@h", second.get("url").asText());
  }

  @Test
  void prettyFieldsAreRedactedToo() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.PRETTY);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    SecretsConfig config = new SecretsConfig(Set.of("hunter2"));

    rootLogger(settings, config).child(Map.of("token", "hunter2")).info("hello");

    assertTrue(out.lines().get(0).endsWith(" info backstage hello token=[REDACTED]"), out.lines().get(0));
  }

  @Test
  void metaReachesTheMdcForAUsersOwnLayoutButNotForGreenroomsPrettyPattern() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.PRETTY);
    Log4jHarness out = Log4jHarness.configure(settings, dir, "%X{plugin}/%X{module}|%m%n");
    SecretsConfig config = new SecretsConfig(Set.of("hunter2"));
    Map<String, String> meta = Map.of("plugin", "catalog", "module", "hunter2");

    MetaInMdc metaInMdc = new MetaInMdc(settings.format(), true);
    LoggerService logger = RootLoggerFactory.create(config.service(), settings, metaInMdc, LoggerFactory::getLogger)
        .child(meta);

    logger.info("ours");
    metaInMdc.layoutChanged(false); // a user's configuration replaced Greenroom's
    logger.info("own");

    assertEquals(
        List.of("/|ours module=[REDACTED]", "catalog/[REDACTED]|own module=[REDACTED]"), out.lines());
    assertTrue(new MetaInMdc(LogFormat.JSON, true).on(), "the JSON layout always reads the MDC");
  }

  @Test
  void renderedMetaFollowsSecretChanges() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.PRETTY);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    SecretsConfig config = new SecretsConfig(Set.of());
    LoggerService logger = rootLogger(settings, config).child(Map.of("token", "t0ken"));

    logger.info("a");
    config.change(Set.of("t0ken"));
    logger.info("b");

    List<String> lines = out.lines();
    assertTrue(lines.get(0).endsWith(" a token=t0ken"), lines.get(0));
    assertTrue(lines.get(1).endsWith(" b token=[REDACTED]"), lines.get(1));
  }

  @Test
  void callersMdcIsRestoredAfterEachLine() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    MDC.put("plugin", "outer");
    try {
      rootLogger(settings, new SecretsConfig(Set.of())).child(Map.of("plugin", "inner")).info("x");
      assertEquals("outer", MDC.get("plugin"));
      assertEquals(null, MDC.get("service"));
      assertEquals("inner", readTree(out.lines().get(0)).get("plugin").asText());
    } finally {
      MDC.clear();
    }
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
