package dev.greenroom.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Properties;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.properties.PropertiesConfiguration;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The properties Greenroom hands to pax-logging build a real log4j2 configuration. */
class Log4j2PropertiesTest {
  private static PropertiesConfiguration build(LogSettings settings) {
    Properties props = new Properties();
    for (Map.Entry<String, String> e : Log4j2Properties.of(settings).entrySet()) {
      if (e.getKey().startsWith(Log4j2Properties.PREFIX)) {
        props.setProperty(e.getKey().substring(Log4j2Properties.PREFIX.length()), e.getValue());
      }
    }
    PropertiesConfiguration config = new PropertiesConfigurationBuilder()
        .setRootProperties(props).setLoggerContext(new LoggerContext("test")).build();
    config.initialize();
    return config;
  }

  @Test
  void rootLogsToTheConsoleAndTheProbeIsTraceEnabled() {
    PropertiesConfiguration config = build(new LogSettings(Level.INFO, LogFormat.PRETTY));
    assertInstanceOf(ConsoleAppender.class, config.getRootLogger().getAppenders().get(Log4j2Properties.APPENDER));
    assertEquals(org.apache.logging.log4j.Level.TRACE, config.getLoggerConfig(Log4j2Properties.PROBE).getLevel());
    assertEquals(org.apache.logging.log4j.Level.INFO, config.getRootLogger().getLevel());
  }

  @Test
  void infrastructureIsQuietAtInfoAndFollowsDebug() {
    assertEquals(org.apache.logging.log4j.Level.WARN,
        build(new LogSettings(Level.INFO, LogFormat.JSON)).getLoggerConfig("org.eclipse.jetty").getLevel());
    assertEquals(org.apache.logging.log4j.Level.WARN,
        build(new LogSettings(Level.INFO, LogFormat.JSON)).getLoggerConfig("org.flywaydb").getLevel());
    assertEquals(org.apache.logging.log4j.Level.DEBUG,
        build(new LogSettings(Level.DEBUG, LogFormat.JSON)).getLoggerConfig("org.eclipse.jetty").getLevel());
    assertEquals(org.apache.logging.log4j.Level.ERROR, build(new LogSettings(Level.INFO, LogFormat.PRETTY))
        .getLoggerConfig(Log4j2Properties.FLYWAY_VERSION_CHECK).getLevel());
    assertEquals(org.apache.logging.log4j.Level.DEBUG, build(new LogSettings(Level.DEBUG, LogFormat.PRETTY))
        .getLoggerConfig(Log4j2Properties.FLYWAY_VERSION_CHECK).getLevel());
  }
}
