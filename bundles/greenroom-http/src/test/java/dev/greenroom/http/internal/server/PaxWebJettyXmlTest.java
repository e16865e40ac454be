package dev.greenroom.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.http.internal.PathGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaxWebJettyXmlTest {
  private static final UriCompliance COMPLIANCE = UriCompliance.from(PaxWebJettyXml.URI_COMPLIANCE);

  @Test
  void writesTheFileAndNamesItInPaxWebsKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("paxweb/jetty.xml");
    Map<String, String> props = PaxWebJettyXml.properties(file);
    assertEquals(Map.of("org.ops4j.pax.web.config.file", file.toAbsolutePath().toString()), props);
    String xml = Files.readString(file);
    assertTrue(xml.contains("<Arg>" + PaxWebJettyXml.URI_COMPLIANCE + "</Arg>"), xml);
    assertTrue(xml.contains("<Set name=\"sendServerVersion\">false</Set>"), xml);
  }

  /** Whatever Jetty lets through beyond its default, the dispatcher's path guard refuses (JSON 400). */
  @Test
  void everyPathLetThroughIsRefusedByThePathGuard() {
    for (String path : new String[] {"/api/a/x%2Fy", "/api/a/x%2fy", "/api/a/x%5Cy", "/api/a/%2E%2E/b",
        "/api/a/%2e/b", "/api/a/x%252Fy", "/api/a//b", "/api/a/..;/b"}) {
      HttpURI uri = HttpURI.build(path);
      String refusedByDefault = UriCompliance.checkUriCompliance(UriCompliance.DEFAULT, uri, null);
      assertTrue(refusedByDefault != null, path + " is refused by Jetty's default compliance");
      assertEquals(null, UriCompliance.checkUriCompliance(COMPLIANCE, uri, null), path + " reaches the dispatcher");
      assertThrows(InputError.class, () -> PathGuard.check(path), path);
    }
  }

  /** Violations beyond the guard's (a NUL, bad UTF-8, a raw backslash) are still Jetty's to refuse. */
  @Test
  void whatThePathGuardDoesNotCoverStaysRefusedByJetty() {
    for (String path : new String[] {"/api/a/x\\y", "/api/a/x%00y", "/api/a/x%C0%AFy"}) {
      assertTrue(refusedByJetty(path), path);
    }
  }

  private static boolean refusedByJetty(String path) {
    try {
      return UriCompliance.checkUriCompliance(COMPLIANCE, HttpURI.build(path), null) != null;
    } catch (IllegalArgumentException unparsable) {
      return true; // Jetty's parser refuses it before any compliance
    }
  }
}
