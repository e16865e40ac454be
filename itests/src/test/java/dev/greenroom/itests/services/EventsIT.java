package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.itests.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * events.service in Felix (bundle greenroom-events): fixture plugin {@code pinger} publishes on
 * {@code itest.ping}, fixture plugin {@code ponger} subscribed to it receives every event in
 * order; plugin {@code events} serves upstream's bus routes to service tokens only.
 */
public class EventsIT extends HttpTestSupport {
  @Override
  protected String appConfig() {
    return "events:\n  notifyTimeoutMs: 200\n";
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("events-publisher"), fixtureBundle("events-subscriber")};
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  private Answer send(String method, String path, String json) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(30_000);
    c.setRequestMethod(method);
    c.setRequestProperty("Authorization", "Bearer " + TOKEN);
    if (json != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = c.getOutputStream()) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  public void onePluginPublishesAndAnotherReceivesInOrder() throws Exception {
    for (int n = 1; n <= 5; n++) {
      Answer ping = send("POST", "/api/pinger/ping/" + n, null);
      assertEquals(ping.body(), 202, ping.status());
    }
    Answer received = null;
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      received = getWithToken("/api/ponger/received");
      if (received.body().equals("[1,2,3,4,5]")) {
        break;
      }
      Thread.sleep(50);
    }
    assertEquals("[1,2,3,4,5]", received.body());
  }

  @Test
  public void pluginEventsServesTheBusRoutesToServiceTokens() throws Exception {
    Answer put = send("PUT", "/api/events/bus/v1/subscriptions/itests.remote", "{\"topics\":[\"itest.remote\"]}");
    assertEquals(put.body(), 201, put.status());
    Answer idle = send("GET", "/api/events/bus/v1/subscriptions/itests.remote/events", null);
    assertEquals(202, idle.status());
    Answer post = send("POST", "/api/events/bus/v1/events", "{\"event\":{\"topic\":\"itest.remote\",\"payload\":{\"n\":1}}}");
    assertEquals(post.body(), 201, post.status());
    Answer read = send("GET", "/api/events/bus/v1/subscriptions/itests.remote/events", null);
    assertEquals(read.body(), 200, read.status());
    assertEquals("{\"events\":[{\"topic\":\"itest.remote\",\"payload\":{\"n\":1}}]}", read.body());
    Answer anonymous = get("/api/events/bus/v1/subscriptions/itests.remote/events");
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.body(), anonymous.body().contains("\"name\":\"AuthenticationError\""));
  }
}
