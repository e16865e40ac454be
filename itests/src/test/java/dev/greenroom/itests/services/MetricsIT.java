package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.itests.HttpTestSupport;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Per-plugin metrics in Felix (bundle greenroom-metrics, docs/metrics.md): {@code GET /api/metrics}
 * with the static token answers the Prometheus text, in which the runtime measured every plugin with
 * no work from its author (requests by status class, init time, starts and restarts, database pool)
 * and fixture plugin {@code tally} wrote its own metrics through {@code alpha.core.metrics}.
 */
public class MetricsIT extends HttpTestSupport {
  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("svc-metrics")};
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  /** The value of the series written exactly as {@code series} (labels in Micrometer's sorted order), or null. */
  private static Double value(String text, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  private String scrape() throws Exception {
    Answer answer = getWithToken("/api/metrics");
    assertEquals(answer.body(), 200, answer.status());
    return answer.body();
  }

  /**
   * Scrapes until {@code series} has {@code expected}: a request is counted once its answer is
   * written, which the client may see first. Bounded; returns the last scrape.
   */
  private String awaitValue(String series, double expected) throws Exception {
    String text = scrape();
    for (int i = 0; i < 100 && !Double.valueOf(expected).equals(value(text, series)); i++) {
      Thread.sleep(50);
      text = scrape();
    }
    assertEquals(series + " in\n" + text, Double.valueOf(expected), value(text, series));
    return text;
  }

  @Test
  public void onlyServicePrincipalsMayReadTheMetrics() throws Exception {
    Answer anonymous = get("/api/metrics");
    assertEquals(anonymous.body(), 401, anonymous.status());
    assertTrue(anonymous.body(), anonymous.body().contains("\"name\":\"AuthenticationError\""));
    assertTrue(scrape().contains("# TYPE greenroom_plugin_starts_total counter"));
  }

  private static double valueOr0(String text, String series) {
    Double v = value(text, series);
    return v == null ? 0 : v;
  }

  @Test
  public void requestsAreCountedPerPluginAndStatusClassWithNoWorkFromItsAuthor() throws Exception {
    String ok = "greenroom_plugin_requests_total{method=\"GET\",plugin=\"tally\",status_class=\"2xx\"}";
    String refused = "greenroom_plugin_requests_total{method=\"GET\",plugin=\"tally\",status_class=\"4xx\"}";
    String timed = "greenroom_plugin_request_duration_seconds_count{method=\"GET\",plugin=\"tally\",status_class=\"2xx\"}";
    String before = scrape(); // the class's other tests may have sent requests to tally already
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("/api/tally/hit?kind=x").status());
    }
    assertEquals(401, get("/api/tally/private").status());
    awaitValue(refused, valueOr0(before, refused) + 1);
    String text = awaitValue(ok, valueOr0(before, ok) + 3);
    assertEquals(Double.valueOf(valueOr0(before, timed) + 3), value(text, timed));
    assertEquals(Double.valueOf(0), value(text, "greenroom_plugin_requests_waiting{plugin=\"tally\"}"));
    // the author's own metrics, labelled with its plugin id
    assertEquals(Double.valueOf(3), value(text, "tally_hits_total{kind=\"x\",plugin=\"tally\"}"));
    assertEquals(Double.valueOf(3), value(text, "tally_items{plugin=\"tally\"}"));
    assertTrue(text, text.contains("# HELP tally_hits_total Hits by kind"));
  }

  @Test
  public void initTimeStateStartsAndRestartsPerPlugin() throws Exception {
    String text = scrape();
    Double init = value(text, "greenroom_plugin_init_duration_seconds{plugin=\"tally\"}");
    assertNotNull(text, init);
    assertTrue(text, init >= 0);
    assertNotNull(text, value(text, "greenroom_plugin_init_duration_seconds{plugin=\"example\"}"));
    assertEquals(Double.valueOf(1), value(text, "greenroom_plugin_state{plugin=\"tally\",state=\"running\"}"));
    assertEquals(Double.valueOf(1), value(text, "greenroom_plugin_starts_total{plugin=\"tally\"}"));
    // the example plugin ran its migrations at init: its pool is open and reported
    assertEquals(Double.valueOf(10), value(text, "greenroom_database_connections_max{plugin=\"example\"}"));
    assertNotNull(text, value(text, "greenroom_database_connections{plugin=\"example\",state=\"idle\"}"));

    assertEquals(200, get("/api/tally/hit?kind=before").status());
    awaitService(GreenroomRuntime.class, null, TIMEOUT).restart("tally");
    awaitReady(Duration.ofSeconds(60));
    assertEquals(200, get("/api/tally/hit?kind=before").status());
    text = awaitValue("greenroom_plugin_restarts_total{plugin=\"tally\"}", 1);
    assertEquals(Double.valueOf(2), value(text, "greenroom_plugin_starts_total{plugin=\"tally\"}"));
    // the restarted instance adds to the same author counter; its new callback reports once
    text = awaitValue("tally_hits_total{kind=\"before\",plugin=\"tally\"}", 2);
    assertEquals(Double.valueOf(3), value(text, "tally_items{plugin=\"tally\"}"));
  }
}
