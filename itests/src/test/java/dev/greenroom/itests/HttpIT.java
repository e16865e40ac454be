package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;


import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import org.junit.Before;
import org.junit.Test;

/** The launch serves real HTTP on Pax Web: the example plugin's routes, health, 404s, path tricks. */
public class HttpIT extends HttpTestSupport {

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  @Test
  public void exampleHealthIsOpen() throws Exception {
    assertEquals(new Answer(200, "{\"status\":\"ok\"}"), get("/api/example/health"));
  }

  @Test
  public void examplesWithoutCredentialsIs401WithBackstagesBody() throws Exception {
    assertEquals(
        new Answer(401, "{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Missing credentials\"},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"/examples\"},\"response\":{\"statusCode\":401}}"),
        get("/api/example/examples"));
  }

  @Test
  public void examplesWithTheStaticTokenListsTheStoredExamples() throws Exception {
    Answer r = getWithToken("/api/example/examples");
    assertEquals(r.body(), 200, r.status());
    assertTrue(r.body(), r.body().contains("{\"name\":\"hello\",\"source\":\"greetings\",\"firstSeenAt\":"));
  }

  @Test
  public void unknownApiPathIsBackstagesEmpty404() throws Exception {
    // MiddlewareFactory.notFound(): res.status(404).end()
    assertEquals(new Answer(404, ""), get("/api/nope"));
    // inside a plugin the barrier answers first; request.url is plugin-relative, the token masked
    assertEquals(
        new Answer(401, "{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Missing credentials\"},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"/nope?token=***\"},\"response\":{\"statusCode\":401}}"),
        get("/api/example/nope?token=s3cret"));
  }

  @Test
  public void livenessAndReadinessWithPluginStates() throws Exception {
    assertEquals(new Answer(200, "{\"status\":\"ok\"}"), get("/.backstage/health/v1/liveness"));
    Answer ready = get("/.backstage/health/v1/readiness");
    assertEquals(200, ready.status());
    assertTrue(ready.body(), ready.body().contains("\"status\":\"ok\""));
    assertTrue(ready.body(), ready.body().contains("\"example\":\"running\""));
  }

  /**
   * What Backstage (backend-defaults 0.18) answered for the same requests: express routes in any
   * case, res.json's weak ETag and 304.
   */
  @Test
  public void backstageParityUnderPaxWeb() throws Exception {
    assertEquals(new Answer(200, "{\"status\":\"ok\"}"), get("/API/Example/HEALTH"));
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + "/api/example/health")
        .toURL().openConnection();
    assertEquals(200, c.getResponseCode());
    // Backstage's tag for {"status":"ok"}
    assertEquals("W/\"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg\"", c.getHeaderField("ETag"));
    assertEquals(new Answer(304, ""), get("/api/example/health", "If-None-Match", "W/\"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg\""));
  }

  @Test
  public void pathTricksNeverReachAnotherPlugin() throws Exception {
    // from /api/nope into example's open health route, encoded or not
    for (String trick : new String[] {
        "/api/nope/../example/health", "/api/nope/%2e%2e/example/health", "/api/nope%2F..%2Fexample/health",
        "/api/nope/..%2Fexample/health", "/api/nope;x=/../example/health"}) {
      String status = rawGet(trick);
      assertTrue(trick + " -> " + status, status.startsWith("HTTP/1.1 400") || status.startsWith("HTTP/1.1 404"));
    }
  }
}
