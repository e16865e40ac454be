package dev.greenroom.http.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Jetty XML file Pax Web reads before it creates its server ({@value #CONFIG_FILE} in PID
 * {@code org.ops4j.pax.web}): one {@code HttpConfiguration} that Pax Web's connectors use instead
 * of their own (pax-web-jetty's {@code JettyFactory.getOrCreateHttpConfiguration} takes the first
 * {@code HttpConfiguration} an external file defines). It is Pax Web's own (no server version, no
 * {@code X-Powered-By}, {@code HttpCompliance.STRICT}) except for the URI compliance: Jetty's
 * default refuses an ambiguous path ({@code /api/p0/a%2Fb}: 400 "Ambiguous URI path separator")
 * while it reads the request, with its HTML error page and without the security headers; with the
 * ambiguous violations allowed, the request reaches the root dispatcher, whose {@code PathGuard}
 * refuses every one of them (encoded separators, encoded dots and percent signs, {@code ;}, empty
 * segments, backslashes) with Backstage's JSON 400 and the security headers. Violations the guard
 * does not cover (bad UTF-8, a NUL, a raw backslash) stay refused by Jetty. Plain Java: written by
 * greenroom-config's seed (runtime.jar); launches without the seed keep Jetty's default.
 */
public final class PaxWebJettyXml {
  /** Pax Web's key for one external Jetty configuration file ({@code PaxWebConfig.PID_CFG_SERVER_CONFIGURATION_FILE}). */
  public static final String CONFIG_FILE = "org.ops4j.pax.web.config.file";

  /** Jetty's {@code UriCompliance.from} spec: its default plus what {@code PathGuard} refuses itself. */
  public static final String URI_COMPLIANCE = "DEFAULT,AMBIGUOUS_PATH_SEPARATOR,AMBIGUOUS_PATH_ENCODING,"
      + "AMBIGUOUS_PATH_SEGMENT,AMBIGUOUS_EMPTY_SEGMENT,AMBIGUOUS_PATH_PARAMETER,SUSPICIOUS_PATH_CHARACTERS";

  static final String XML = """
      <?xml version="1.0"?>
      <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
      <!-- Written by Greenroom (greenroom-config) at every start: edits are overwritten. -->
      <Configure id="Server" class="org.eclipse.jetty.server.Server">
        <New id="httpConfig" class="org.eclipse.jetty.server.HttpConfiguration">
          <Set name="sendServerVersion">false</Set>
          <Set name="sendXPoweredBy">false</Set>
          <Set name="httpCompliance"><Get class="org.eclipse.jetty.http.HttpCompliance" name="STRICT"/></Set>
          <Set name="uriCompliance"><Call class="org.eclipse.jetty.http.UriCompliance" name="from"><Arg>%s</Arg></Call></Set>
        </New>
      </Configure>
      """.formatted(URI_COMPLIANCE);

  private PaxWebJettyXml() {}

  /** Writes the file to {@code file} and returns Pax Web's key naming it. */
  public static Map<String, String> properties(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, XML, StandardCharsets.UTF_8);
    return Map.of(CONFIG_FILE, file.toAbsolutePath().toString());
  }
}
