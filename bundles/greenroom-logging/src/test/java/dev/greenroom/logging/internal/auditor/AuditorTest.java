package dev.greenroom.logging.internal.auditor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.AuditorEvent;
import dev.greenroom.backend.api.services.AuditorEventSeverityLevel;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.test.base.MapConfigs;
import dev.greenroom.logging.internal.AuditHarness;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit events as Backstage's DefaultAuditorService and auditorServiceFactory log them, on the
 * real log4j2 backend in JSON mode: message {@code <plugin>.<eventId>}, the event's fields at the top
 * level, the level by severity.
 */
class AuditorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Auth that knows the plugin's own service principal and one user behind a bearer token. */
  private static final AuthService AUTH = (AuthService) Proxy.newProxyInstance(
      AuditorTest.class.getClassLoader(), new Class<?>[] {AuthService.class}, (p, m, a) -> switch (m.getName()) {
        case "getOwnServiceCredentials" -> new BackstageCredentials<>(new BackstageServicePrincipal("plugin:example", null), null);
        default -> throw new UnsupportedOperationException(m.getName());
      });

  private static final HttpAuthService HTTP_AUTH = (HttpAuthService) Proxy.newProxyInstance(
      AuditorTest.class.getClassLoader(), new Class<?>[] {HttpAuthService.class}, (p, m, a) -> {
        if (m.getName().equals("credentials") && a.length == 3) {
          String header = ((HttpServletRequest) a[0]).getHeader("Authorization");
          if (header == null) {
            throw new AuthenticationError("Missing credentials");
          }
          return new BackstageCredentials<>(new BackstageUserPrincipal("user:default/jane"), null);
        }
        throw new UnsupportedOperationException(m.getName());
      });

  private static HttpServletRequest request(String authorization) {
    Map<String, String> headers = authorization == null
        ? Map.of("User-Agent", "curl/8.5")
        : Map.of("User-Agent", "curl/8.5", "Authorization", authorization);
    return (HttpServletRequest) Proxy.newProxyInstance(
        AuditorTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
          case "getHeader" -> headers.get((String) a[0]);
          case "getRemoteAddr" -> "127.0.0.1";
          case "getServerName" -> "backstage.example.com";
          case "getRequestURI" -> "/api/example/examples";
          case "getQueryString" -> "limit=2";
          case "getMethod" -> "POST";
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  private static DefaultAuditorService auditor(LoggerService logger, SeverityLogLevels levels) {
    return new DefaultAuditorService("example", logger, AUTH, HTTP_AUTH, levels);
  }

  private static JsonNode json(String line) throws Exception {
    return JSON.readTree(line);
  }

  @Test
  void anEventIsInitiatedThenSucceedsWithUpstreamsFields() throws Exception {
    AuditHarness out = AuditHarness.json(dir, "info");
    AuditorEvent event = auditor(out.pluginLogger("example"), SeverityLogLevels.defaults())
        .createEvent("example-create", AuditorEventSeverityLevel.MEDIUM, Map.of("name", "hello"), request("Bearer t"));
    event.success(Map.of("id", 42));

    List<String> lines = out.lines();
    assertEquals(2, lines.size(), lines::toString);
    JsonNode initiated = json(lines.get(0));
    assertEquals("info", initiated.get("level").asText());
    assertEquals("example.example-create", initiated.get("message").asText());
    assertTrue(initiated.get("isAuditEvent").asBoolean());
    assertEquals("example", initiated.get("plugin").asText());
    assertEquals("example-create", initiated.get("eventId").asText());
    assertEquals("medium", initiated.get("severityLevel").asText());
    assertEquals("user:default/jane", initiated.get("actor").get("actorId").asText());
    assertEquals("127.0.0.1", initiated.get("actor").get("ip").asText());
    assertEquals("backstage.example.com", initiated.get("actor").get("hostname").asText());
    assertEquals("curl/8.5", initiated.get("actor").get("userAgent").asText());
    assertEquals("/api/example/examples?limit=2", initiated.get("request").get("url").asText());
    assertEquals("POST", initiated.get("request").get("method").asText());
    assertEquals(Map.of("name", "hello"), JSON.convertValue(initiated.get("meta"), Map.class));
    assertEquals("initiated", initiated.get("status").asText());

    JsonNode succeeded = json(lines.get(1));
    assertEquals("succeeded", succeeded.get("status").asText());
    assertEquals(Map.of("name", "hello", "id", 42), JSON.convertValue(succeeded.get("meta"), Map.class));
  }

  @Test
  void aFailureCarriesItsErrorAndWithoutARequestTheActorIsThePluginItself() throws Exception {
    AuditHarness out = AuditHarness.json(dir, "info");
    auditor(out.pluginLogger("example"), SeverityLogLevels.defaults())
        .createEvent("example-sync", AuditorEventSeverityLevel.HIGH, null)
        .fail(new IllegalStateException("upstream down"), Map.of("attempt", 3));

    JsonNode failed = json(out.lines().get(1));
    assertEquals("failed", failed.get("status").asText());
    assertEquals("upstream down", failed.get("error").asText());
    assertTrue(failed.get("stack").asText().startsWith("java.lang.IllegalStateException: upstream down"));
    assertEquals(3, failed.get("meta").get("attempt").asInt());
    assertEquals("plugin:example", failed.get("actor").get("actorId").asText());
    assertFalse(failed.get("actor").has("ip"), failed.toString());
    assertFalse(failed.has("request"), "no request field without a request: " + failed);
  }

  @Test
  void lowSeverityIsDebugByDefaultAndTheMappingIsConfigurable() throws Exception {
    AuditHarness out = AuditHarness.json(dir, "debug");
    auditor(out.pluginLogger("example"), SeverityLogLevels.defaults()).createEvent("read").success();
    SeverityLogLevels mapped = SeverityLogLevels.read(MapConfigs.rootConfig(Map.of("backend", Map.of("auditor",
        Map.of("severityLogLevelMappings", Map.of("critical", "error", "low", "info"))))));
    auditor(out.pluginLogger("example"), mapped).createEvent("grant-admin", AuditorEventSeverityLevel.CRITICAL, Map.of()).success();
    auditor(out.pluginLogger("example"), mapped).createEvent("read").success();

    assertEquals(List.of("debug", "debug", "error", "error", "info", "info"),
        out.lines().stream().map(l -> {
          try {
            return json(l).get("level").asText();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }).toList());
    assertFalse(json(out.lines().get(0)).has("meta"), "empty meta is left out");
  }

  @Test
  void anInvalidMappingIsUpstreamsMessage() {
    assertEquals("The configuration value for 'backend.auditor.severityLogLevelMappings.high' was given an invalid "
        + "value: 'loud'. Expected one of the following valid values: 'debug, info, warn, error'.",
        assertThrows(InputError.class, () -> SeverityLogLevels.read(MapConfigs.rootConfig(Map.of("backend",
            Map.of("auditor", Map.of("severityLogLevelMappings", Map.of("high", "loud"))))))).getMessage());
  }

  @Test
  void unresolvableCredentialsAreForwardedAndNothingIsLogged() throws Exception {
    AuditHarness out = AuditHarness.json(dir, "info");
    assertEquals("Missing credentials", assertThrows(AuthenticationError.class, () ->
        auditor(out.pluginLogger("example"), SeverityLogLevels.defaults())
            .createEvent("x", AuditorEventSeverityLevel.MEDIUM, Map.of(), request(null))).getMessage());
    assertEquals(List.of(), out.lines());
  }

  @Test
  void anEventCompletesOnce() {
    AuditorEvent event = auditor(new dev.greenroom.backend.test.base.CapturingLogger().logger(), SeverityLogLevels.defaults()).createEvent("once");
    event.success();
    assertEquals("Audit event example.once was already completed",
        assertThrows(IllegalStateException.class, event::success).getMessage());
  }
}
