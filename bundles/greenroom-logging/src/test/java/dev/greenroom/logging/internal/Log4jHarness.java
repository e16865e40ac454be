package dev.greenroom.logging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.properties.PropertiesConfiguration;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationBuilder;

/**
 * Runs the real backend of pax-logging-log4j2 (log4j-core + JsonTemplateLayout, same version)
 * configured the way pax-logging does it: Greenroom's {@code log4j2.*} properties with the prefix
 * stripped, through log4j2's properties configuration builder. Only the appender differs: a file
 * instead of the console, so the test reads the exact lines.
 */
final class Log4jHarness {
  private final Path file;

  private Log4jHarness(Path file) {
    this.file = file;
  }

  static Log4jHarness configure(LogSettings settings, Path dir) {
    return configure(settings, dir, null);
  }

  /** As above, with a user's own pattern instead of Greenroom's (null: keep Greenroom's layout). */
  static Log4jHarness configure(LogSettings settings, Path dir, String userPattern) {
    Path file = dir.resolve("out.log");
    Properties props = new Properties();
    for (Map.Entry<String, String> e : Log4j2Properties.of(settings).entrySet()) {
      if (e.getKey().startsWith(Log4j2Properties.PREFIX)) {
        props.setProperty(e.getKey().substring(Log4j2Properties.PREFIX.length()), e.getValue());
      }
    }
    String appender = "appender." + Log4j2Properties.APPENDER + ".";
    props.setProperty(appender + "type", "File");
    props.remove(appender + "target");
    props.setProperty(appender + "fileName", file.toString());
    props.setProperty(appender + "immediateFlush", "true");
    if (userPattern != null) {
      props.setProperty(appender + "layout.type", "PatternLayout");
      props.setProperty(appender + "layout.pattern", userPattern);
    }
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    PropertiesConfiguration config =
        new PropertiesConfigurationBuilder().setRootProperties(props).setLoggerContext(context).build();
    Configurator.reconfigure(config);
    return new Log4jHarness(file);
  }

  List<String> lines() throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }
}
