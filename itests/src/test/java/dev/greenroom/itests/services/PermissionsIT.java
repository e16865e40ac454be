package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * {@code permission.enabled: true} in a real runtime: no policy → denied (fail closed, logged
 * once), the allow-all module deployed → allowed; a plugin's metadata route lists what it
 * registered, and its apply-conditions route refuses a malformed body with Backstage's error body.
 */
public class PermissionsIT extends PermissionsSupport {
  @Override
  protected String appConfig() {
    return "permission:\n  enabled: true\n";
  }

  @Override
  protected List<String> expectedLogLines() {
    // the one line that says every request is denied until a policy comes
    return List.of("^WARN \\S+ \\S+ \\[.*?\\]: No permission policy is installed and permission.enabled is true");
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  @Test
  public void noPolicyDeniesThenTheAllowAllModuleAllows() throws Exception {
    Bundle allowAll = findBundle(ALLOW_ALL_BSN);
    if (allowAll != null) {
      allowAll.stop(); // a launch profile that ships it: take it away first
    }
    awaitCheck("alice", "\"DENY\"", Duration.ofSeconds(30));
    if (allowAll != null) {
      allowAll.start();
    } else {
      installFixture("greenroom-permission-policy-allow-all");
    }
    awaitCheck("alice", "\"ALLOW\"", Duration.ofSeconds(30));
    assertEquals("\"ALLOW\"", check("bob"));
  }

  @Test
  public void theMetadataRouteListsThePluginsPermissionsAndRules() throws Exception {
    Answer a = getWithToken("/api/permprobe/.well-known/backstage/permissions/metadata");
    assertEquals(a.body(), 200, a.status());
    assertEquals("{\"permissions\":["
        + "{\"type\":\"basic\",\"name\":\"permprobe.read\",\"attributes\":{\"action\":\"read\"}},"
        + "{\"type\":\"resource\",\"name\":\"permprobe.doc.read\",\"attributes\":{\"action\":\"read\"},\"resourceType\":\"permprobe-doc\"}],"
        + "\"rules\":[{\"name\":\"HAS_TAG\",\"description\":\"Documents with a tag\",\"resourceType\":\"permprobe-doc\",\"paramsSchema\":",
        a.body().substring(0, a.body().indexOf("\"paramsSchema\":") + "\"paramsSchema\":".length()));
    assertTrue(a.body(), a.body().contains("\"required\":[\"tag\"]"));
    assertEquals(401, get("/api/permprobe/.well-known/backstage/permissions/metadata").status());
  }

  @Test
  public void applyConditionsAnswersAServiceAndRefusesAMalformedBody() throws Exception {
    String path = "/api/permprobe/.well-known/backstage/permissions/apply-conditions";
    Answer ok = post(path, "{\"items\":["
        + "{\"id\":\"1\",\"resourceRef\":\"doc-1\",\"resourceType\":\"permprobe-doc\",\"conditions\":{\"rule\":\"HAS_TAG\",\"resourceType\":\"permprobe-doc\",\"params\":{\"tag\":\"public\"}}},"
        + "{\"id\":\"2\",\"resourceRef\":\"doc-2\",\"resourceType\":\"permprobe-doc\",\"conditions\":{\"rule\":\"HAS_TAG\",\"resourceType\":\"permprobe-doc\",\"params\":{\"tag\":\"public\"}}}]}");
    assertEquals(ok.body(), 200, ok.status());
    assertEquals("{\"items\":[{\"id\":\"1\",\"result\":\"ALLOW\"},{\"id\":\"2\",\"result\":\"DENY\"}]}", ok.body());

    Answer bad = post(path, "{\"items\":{}}");
    assertEquals(bad.body(), 400, bad.status());
    assertEquals("{\"error\":{\"name\":\"InputError\",\"message\":\"Invalid request body: 'items' must be an array\"},"
        + "\"request\":{\"method\":\"POST\",\"url\":\"" + path.substring("/api/permprobe".length()) + "\"},\"response\":{\"statusCode\":400}}", bad.body());
  }
}
