package dev.greenroom.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogSettingsTest {
  @Test
  void defaultsToInfoAndPrettyLines() {
    assertEquals(new LogSettings(Level.INFO, LogFormat.PRETTY, false), LogSettings.fromEnv(Map.of()));
  }

  @Test
  void productionNodeEnvSwitchesToJsonLikeBackstage() {
    assertEquals(LogFormat.JSON, LogSettings.fromEnv(Map.of("NODE_ENV", "production")).format());
    assertEquals(LogFormat.PRETTY, LogSettings.fromEnv(Map.of("NODE_ENV", "development")).format());
  }

  @Test
  void greenroomLogFormatOverridesNodeEnv() {
    assertEquals(LogFormat.JSON, LogFormat.fromEnv(Map.of("GREENROOM_LOG_FORMAT", "json")));
    assertEquals(
        LogFormat.PRETTY,
        LogFormat.fromEnv(Map.of("GREENROOM_LOG_FORMAT", "pretty", "NODE_ENV", "production")));
  }

  @Test
  void levelComesFromLogLevelWithWinstonNames() {
    assertEquals(Level.WARN, LogSettings.fromEnv(Map.of("LOG_LEVEL", "warn")).level());
    assertEquals(Level.DEBUG, LogSettings.fromEnv(Map.of("LOG_LEVEL", "verbose")).level());
    assertEquals(Level.TRACE, LogSettings.fromEnv(Map.of("LOG_LEVEL", "silly")).level());
  }

  @Test
  void badValuesNameTheVariable() {
    assertEquals(
        "Invalid LOG_LEVEL 'loud': expected one of error, warn, info, http, verbose, debug, silly",
        assertThrows(IllegalArgumentException.class, () -> LogSettings.fromEnv(Map.of("LOG_LEVEL", "loud")))
            .getMessage());
    assertEquals(
        "Invalid GREENROOM_LOG_FORMAT 'xml': expected json or pretty",
        assertThrows(IllegalArgumentException.class, () -> LogFormat.fromEnv(Map.of("GREENROOM_LOG_FORMAT", "xml")))
            .getMessage());
  }
}
