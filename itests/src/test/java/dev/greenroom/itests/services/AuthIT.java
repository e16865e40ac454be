package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.itests.HttpTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Plugin-to-plugin service tokens and external access over real HTTP on Pax Web: fixture plugin
 * {@code caller} calls fixture plugin {@code callee} with tokens from {@code core.auth} at the URL
 * from {@code core.discovery}; the test itself presents forged and static tokens.
 */
public class AuthIT extends HttpTestSupport {
  static final String RESTRICTED_TOKEN = "callee-only-token";
  /** Restricted to caller and callee, without restrictions inside them: delegable to callee. */
  static final String DELEGABLE_TOKEN = "caller-and-callee-token";
  /** Restricted to caller, and to one permission at callee: not delegable to callee. */
  static final String PERMISSION_TOKEN = "callee-permission-token";
  /** Restricted to caller alone: callee is not in its restrictions. */
  static final String CALLER_ONLY_TOKEN = "caller-only-token";

  @Override
  protected String configYaml() {
    String yaml = super.configYaml();
    String entries = "    externalAccess:\n";
    if (!yaml.contains(entries)) {
      throw new IllegalStateException("HttpTestSupport's config has no externalAccess list to extend:\n" + yaml);
    }
    return yaml.replace(entries, entries
        + "      - type: static\n"
        + "        options: { token: " + RESTRICTED_TOKEN + ", subject: restricted }\n"
        + "        accessRestrictions: [ { plugin: callee } ]\n"
        + "      - type: static\n"
        + "        options: { token: " + DELEGABLE_TOKEN + ", subject: delegable }\n"
        + "        accessRestrictions: [ { plugin: caller }, { plugin: callee } ]\n"
        + "      - type: static\n"
        + "        options: { token: " + PERMISSION_TOKEN + ", subject: permission-bound }\n"
        + "        accessRestrictions: [ { plugin: caller }, { plugin: callee, permission: catalog.entity.read } ]\n"
        + "      - type: static\n"
        + "        options: { token: " + CALLER_ONLY_TOKEN + ", subject: caller-only }\n"
        + "        accessRestrictions: [ { plugin: caller } ]\n");
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("svc-callee"), fixtureBundle("svc-caller")};
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  @Test
  public void aServiceTokenForCalleeCarriesTheCallersPrincipal() throws Exception {
    assertEquals(
        new Answer(200, "{\"status\":200,\"body\":\"{\\\"subject\\\":\\\"plugin:caller\\\"}\"}"),
        get("/api/caller/probe/callee"));
  }

  @Test
  public void aServiceTokenIssuedForAnotherPluginIsRefusedByCallee() throws Exception {
    // callee says why it refused the token
    expectLog(logLine("WARN", "callee", "Failed to verify incoming plugin token: JWT aud claim rejected$"));
    Answer a = get("/api/caller/probe/example");
    assertEquals(a.body(), 200, a.status());
    assertTrue(a.body(), a.body().contains("\"status\":401"));
    assertTrue(a.body(), a.body().contains(
        "{\\\"error\\\":{\\\"name\\\":\\\"AuthenticationError\\\",\\\"message\\\":\\\"Failed plugin token verification\\\"}"));
  }

  @Test
  public void anAlgNoneTokenIs401WithNothingLeaked() throws Exception {
    // callee says why it refused the token
    expectLog(logLine("WARN", "callee", "Failed to verify incoming plugin token: Unsecured \\(plain\\) JWTs are rejected"));
    long now = Instant.now().getEpochSecond();
    String token = b64("{\"alg\":\"none\",\"typ\":\"vnd.backstage.plugin\"}") + "."
        + b64("{\"sub\":\"caller\",\"aud\":\"callee\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}") + ".";
    assertEquals(
        new Answer(401, "{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Failed plugin token verification\"},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"/whoami\"},\"response\":{\"statusCode\":401}}"),
        get("/api/callee/whoami", "Authorization", "Bearer " + token));
  }

  @Test
  public void aRestrictedStaticTokenReachesCalleeOnly() throws Exception {
    assertEquals(new Answer(200, "{\"subject\":\"restricted\"}"),
        get("/api/callee/whoami", "Authorization", "Bearer " + RESTRICTED_TOKEN));
    Answer refused = get("/api/example/examples", "Authorization", "Bearer " + RESTRICTED_TOKEN);
    assertEquals(refused.body(), 403, refused.status());
    assertEquals(
        "{\"error\":{\"name\":\"NotAllowedError\",\"message\":\"This token's access is restricted to plugin(s) 'callee'\"},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"/examples\"},\"response\":{\"statusCode\":403}}",
        refused.body());
  }

  // ---- delegation: caller forwards the request's credentials to callee (getPluginRequestToken onBehalfOf) ----

  private static final String FORWARDED_AS_CALLER =
      "{\"status\":200,\"body\":\"{\\\"subject\\\":\\\"plugin:caller\\\"}\"}";

  @Test
  public void anUnrestrictedCallerIsForwardedToCalleeAsTheCallerPlugin() throws Exception {
    assertEquals(new Answer(200, FORWARDED_AS_CALLER),
        get("/api/caller/forward/callee", "Authorization", "Bearer " + TOKEN));
    assertEquals(new Answer(200, FORWARDED_AS_CALLER),
        get("/api/caller/forward/callee", "Authorization", "Bearer " + DELEGABLE_TOKEN));
  }

  @Test
  public void aCallerRestrictedByPermissionAtCalleeCannotBeDelegated() throws Exception {
    assertEquals(new Answer(403, notAllowed("Access to target plugin 'callee' is restricted and cannot be delegated")),
        get("/api/caller/forward/callee", "Authorization", "Bearer " + PERMISSION_TOKEN));
  }

  @Test
  public void aCallerWhoseRestrictionsLeaveOutCalleeCannotBeDelegated() throws Exception {
    assertEquals(
        new Answer(403, notAllowed("Access to target plugin 'callee' is not included in token's access restrictions")),
        get("/api/caller/forward/callee", "Authorization", "Bearer " + CALLER_ONLY_TOKEN));
  }

  private static String notAllowed(String message) {
    return "{\"error\":{\"name\":\"NotAllowedError\",\"message\":\"" + message + "\"},"
        + "\"request\":{\"method\":\"GET\",\"url\":\"/forward/callee\"},\"response\":{\"statusCode\":403}}";
  }

  @Test
  public void anAnonymousCallerGetsNoneCredentialsWhereTheRouteAllowsNone() throws Exception {
    assertEquals(new Answer(200, "{\"type\":\"none\"}"), get("/api/callee/anyone"));
    assertEquals(new Answer(200, "{\"type\":\"service\"}"),
        get("/api/callee/anyone", "Authorization", "Bearer " + TOKEN));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
