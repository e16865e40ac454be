package dev.greenroom.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.services.LogMeta;
import dev.greenroom.backend.api.services.LoggerService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Meta objects and errors on a line, and {@code backend.logger}, on the real log4j2 backend with
 * Greenroom's generated configuration: the shapes of Backstage's {@code WinstonLogger} (meta fields
 * at the top level of a JSON line, typed; {@code key=value} in a pretty one).
 */
class LoggerMetaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static GreenroomLogger root(LogSettings settings, ConfiguredConfig config) {
    return RootLoggerFactory.create(config.service(), settings, LoggerFactory::getLogger);
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }

  private static Map<String, Object> nested() {
    Map<String, Object> actor = new LinkedHashMap<>();
    actor.put("actorId", "user:default/jane");
    actor.put("ip", "127.0.0.1");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("count", 3);
    meta.put("ok", true);
    meta.put("actor", actor);
    meta.put("tags", List.of("a", "b"));
    meta.put("none", null);
    return meta;
  }

  @Test
  void jsonLineKeepsTheTypesOfLineMetaAndChildMetaAtTheTopLevel() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    LoggerService plugin = root(settings, ConfiguredConfig.logger(Map.of()))
        .child(Map.of("plugin", "catalog"))
        .child(LogMeta.of("attempt", 2, "isAuditEvent", true));

    plugin.info("Refreshed", nested());

    JsonNode line = json(out.lines().get(0));
    assertEquals("Refreshed", line.get("message").asText());
    assertEquals("info", line.get("level").asText());
    assertEquals("backstage", line.get("service").asText());
    assertEquals("catalog", line.get("plugin").asText());
    assertTrue(line.get("attempt").isInt(), line.toString());
    assertTrue(line.get("isAuditEvent").isBoolean(), line.toString());
    assertEquals(3, line.get("count").asInt());
    assertTrue(line.get("ok").asBoolean());
    assertEquals("user:default/jane", line.get("actor").get("actorId").asText());
    assertEquals("b", line.get("tags").get(1).asText());
    assertTrue(line.get("none").isNull());
  }

  @Test
  void aLineKeyReplacesTheLoggersOwnKeyOnce() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    root(settings, ConfiguredConfig.logger(Map.of())).child(Map.of("task", "a")).warn("x", Map.of("task", "b"));

    String line = out.lines().get(0);
    assertEquals("b", json(line).get("task").asText());
    assertEquals(1, line.split("\"task\"", -1).length - 1, line);
  }

  @Test
  void anErrorAndMetaGoTogether() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    root(settings, ConfiguredConfig.logger(Map.of())).error("Failed", new IllegalStateException("boom"), Map.of("id", 7));

    JsonNode line = json(out.lines().get(0));
    assertEquals("Failed", line.get("message").asText());
    assertEquals(7, line.get("id").asInt());
    assertEquals("boom", line.get("error").asText());
    assertTrue(line.get("stack").asText().startsWith("java.lang.IllegalStateException: boom\n\tat "), line.toString());
  }

  @Test
  void prettyLineShowsStringsAsTheyAreAndOtherValuesAsJson() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.PRETTY);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    root(settings, ConfiguredConfig.logger(Map.of())).child(Map.of("plugin", "catalog"))
        .info("Refreshed", LogMeta.of("task", "refresh", "count", 3, "actor", Map.of("actorId", "user:default/jane")));

    assertTrue(out.lines().get(0).endsWith(
        " info catalog Refreshed task=refresh count=3 actor={\"actorId\":\"user:default/jane\"}"), out.lines().get(0));
  }

  @Test
  void secretsAreRedactedInsideNestedValues() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    ConfiguredConfig config = new ConfiguredConfig(Map.of(), Set.of("hunter\"2"));
    root(settings, config).info("x", Map.of("db", Map.of("url", "pg://u:hunter\"2@h"), "list", List.of("hunter\"2")));

    String line = out.lines().get(0);
    assertFalse(line.contains("hunter"), line);
    assertEquals("pg://u:[REDACTED]@h", json(line).get("db").get("url").asText());
    assertEquals("[REDACTED]", json(line).get("list").get(0).asText());
  }

  @Test
  void otherLibrariesExceptionsStillReachTheJsonLine() throws Exception {
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    LoggerFactory.getLogger("org.example.lib").warn("lib \"quoted\" line", new RuntimeException("lib boom"));

    JsonNode line = json(out.lines().get(0));
    assertEquals("lib \"quoted\" line", line.get("message").asText());
    assertEquals("org.example.lib", line.get("logger").asText());
    assertEquals("lib boom", line.get("error").asText());
    assertTrue(line.get("stack").asText().contains("java.lang.RuntimeException: lib boom"), line.toString());
  }

  @Test
  void backendLoggerMetaIsOnEveryLineAndItsLevelApplies() throws Exception {
    LogSettings settings = LogSettings.fromEnv(Map.of("NODE_ENV", "production"));
    Log4jHarness out = Log4jHarness.configure(new LogSettings(Level.TRACE, LogFormat.JSON), dir);
    GreenroomLogger root = root(settings, ConfiguredConfig.logger(
        Map.of("level", "warn", "meta", Map.of("env", "prod", "region", Map.of("zone", 2)))));

    root.info("info line");
    root.child(Map.of("plugin", "catalog")).warn("warn line");

    List<String> lines = out.lines();
    assertEquals(1, lines.size(), lines::toString);
    JsonNode line = json(lines.get(0));
    assertEquals("warn line", line.get("message").asText());
    assertEquals("prod", line.get("env").asText());
    assertEquals(2, line.get("region").get("zone").asInt());
    assertEquals("backstage", line.get("service").asText());
  }

  @Test
  void logLevelFromTheEnvironmentWinsOverBackendLoggerLevel() throws Exception {
    LogSettings settings = LogSettings.fromEnv(Map.of("LOG_LEVEL", "debug", "NODE_ENV", "production"));
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    root(settings, ConfiguredConfig.logger(Map.of("level", "error"))).debug("debug line");

    assertEquals("debug line", json(out.lines().get(0)).get("message").asText());
  }

  @Test
  void theFirstMatchingOverrideDecidesAndFollowsConfigChanges() throws Exception {
    LogSettings settings = LogSettings.fromEnv(Map.of("NODE_ENV", "production"));
    Log4jHarness out = Log4jHarness.configure(new LogSettings(Level.TRACE, LogFormat.JSON), dir);
    List<Level> thresholds = new java.util.ArrayList<>();
    ConfiguredConfig config = ConfiguredConfig.logger(Map.of("overrides", List.of(
        Map.of("matchers", Map.of("plugin", "catalog"), "level", "debug"),
        Map.of("matchers", Map.of("plugin", List.of("/^sched/", "auth"), "message", "/health/i"), "level", "error"),
        Map.of("matchers", Map.of("plugin", "/^sched/"), "level", "warn"))));
    GreenroomLogger root = RootLoggerFactory.create(config.service(), settings,
        new MetaInMdc(settings.format(), true), LoggerFactory::getLogger, thresholds::add);

    root.child(Map.of("plugin", "catalog")).debug("catalog debug");
    root.child(Map.of("plugin", "scheduler")).warn("GET /Health ok");
    root.child(Map.of("plugin", "scheduler")).warn("scheduler warn");
    root.child(Map.of("plugin", "scheduler")).info("scheduler info");
    root.child(Map.of("plugin", "auth")).info("auth info");
    root.debug("root debug");

    assertEquals(List.of("catalog debug", "scheduler warn", "auth info"),
        out.lines().stream().map(l -> json(l).get("message").asText()).toList());
    assertEquals(List.of(Level.DEBUG), thresholds, "the backend is asked to let debug lines through");

    config.change(Map.of("backend", Map.of("logger", Map.of("overrides", List.of(
        Map.of("matchers", Map.of("level", "debug", "plugin", "auth"), "level", "debug"))))));
    root.child(Map.of("plugin", "catalog")).debug("catalog debug again");
    root.child(Map.of("plugin", "auth")).debug("auth debug");
    assertEquals("auth debug", json(out.lines().get(out.lines().size() - 1)).get("message").asText());
    assertEquals(4, out.lines().size(), out.lines()::toString);
  }

  @Test
  void invalidOverrideLevelIsUpstreamsMessage() {
    ConfiguredConfig config = ConfiguredConfig.logger(Map.of("overrides", List.of(
        Map.of("matchers", Map.of("plugin", "catalog"), "level", "loud"))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> root(new LogSettings(Level.INFO, LogFormat.JSON, false), config));
    assertEquals("Invalid config at backend.logger.overrides[0].level, 'loud' is not a valid logging level, "
        + "must be one of 'error', 'warn', 'info' or 'debug'.", e.getMessage());
    assertEquals("Invalid config at backend.logger.level, 'chatty' is not a valid logging level, "
        + "must be one of 'error', 'warn', 'info' or 'debug'.",
        assertThrows(IllegalArgumentException.class, () -> root(new LogSettings(Level.INFO, LogFormat.JSON, false),
            ConfiguredConfig.logger(Map.of("level", "chatty")))).getMessage());
  }

  @Test
  void anImplementationWithoutMetaSupportGetsTheMetaAsStrings() {
    List<String> seen = new java.util.ArrayList<>();
    LoggerService legacy = new LoggerService() {
      final Map<String, String> meta = Map.of();

      @Override public void error(String m, Throwable e) { seen.add(m + " " + meta); }
      @Override public void warn(String m, Throwable e) { seen.add(m + " " + meta); }
      @Override public void info(String m, Throwable e) { seen.add(m + " " + meta); }
      @Override public void debug(String m, Throwable e) { seen.add(m + " " + meta); }

      @Override
      public LoggerService child(Map<String, String> childMeta) {
        LoggerService parent = this;
        return new LoggerService() {
          @Override public void error(String m, Throwable e) { seen.add(m + " " + childMeta); }
          @Override public void warn(String m, Throwable e) { seen.add(m + " " + childMeta); }
          @Override public void info(String m, Throwable e) { seen.add(m + " " + childMeta); }
          @Override public void debug(String m, Throwable e) { seen.add(m + " " + childMeta); }
          @Override public LoggerService child(Map<String, String> more) { return parent.child(more); }
        };
      }
    };
    legacy.info("x", Map.of("n", 1));
    legacy.child(LogMeta.of("o", Map.of("k", true))).warn("y");
    assertEquals(List.of("x {n=1}", "y {o={\"k\":true}}"), seen);
  }
}
