package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.itests.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * The scheduler's per-plugin routes and an audit event, in OSGi on the exported runtime, with
 * fixture plugin {@code ops} ({@code svc-ops}): its tasks are listed in Backstage's shape, a trigger
 * runs one, an unknown id is 404 naming it, a task's schedule comes from config, and a POST writes
 * the audit event's two lines through the plugin's logger.
 */
public class SchedulerAuditIT extends HttpTestSupport {
  private static final String TASKS = "/api/ops/.backstage/scheduler/v1/tasks";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<LogEntry> lines = new CopyOnWriteArrayList<>();
  private final LogListener listener = lines::add;
  private LogReaderService reader;

  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("svc-ops")};
  }

  @Override
  protected String appConfig() {
    return "ops:\n  schedule: { frequency: { hours: 6 }, timeout: PT5M, initialDelay: PT1H, scope: local }\n";
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    ServiceReference<LogReaderService> ref = context.getServiceReference(LogReaderService.class);
    reader = context.getService(ref);
    reader.addLogListener(listener);
  }

  @After
  public void stopListening() {
    if (reader != null) {
      reader.removeLogListener(listener);
    }
  }

  @Test
  public void theTasksAreListedInBackstagesShapeBehindTheAuthPolicy() throws Exception {
    assertEquals(401, get(TASKS).status());
    Answer list = getWithToken(TASKS);
    assertEquals(list.body(), 200, list.status());
    String body = list.body();
    assertTrue(body, body.startsWith("{\"tasks\":[{\"taskId\":\"ops-report\",\"pluginId\":\"ops\",\"scope\":\"local\",\"settings\":{"));
    assertTrue(body, body.contains("\"cadence\":\"manual\""));
    assertTrue(body, body.contains("\"taskState\":{\"status\":\"idle\"}"));
    assertTrue(body, body.contains("\"workerState\":{\"status\":\"idle\"}"));
    // the schedule from config: every 6 hours, 5 minutes timeout, an hour's initial delay, local
    assertTrue(body, body.contains("{\"taskId\":\"ops-from-config\",\"pluginId\":\"ops\",\"scope\":\"local\""));
    assertTrue(body, body.contains("\"cadence\":\"PT6H\""));
    assertTrue(body, body.contains("\"initialDelayDuration\":\"PT1H\""));
    assertTrue(body, body.contains("\"workerState\":{\"status\":\"initial-wait\"}"));
  }

  @Test
  public void triggerRunsTheTaskAndAnUnknownIdIsNotFound() throws Exception {
    assertEquals(new Answer(200, "{\"ops-report\":0}"), getWithToken("/api/ops/runs"));
    assertEquals(new Answer(200, ""), post(TASKS + "/ops-report/trigger"));
    long end = System.nanoTime() + WAIT.toNanos();
    while (!getWithToken("/api/ops/runs").body().equals("{\"ops-report\":1}")) {
      assertTrue("the triggered task did not run within " + WAIT, System.nanoTime() < end);
      Thread.sleep(50);
    }
    Answer unknown = post(TASKS + "/nope/trigger");
    assertEquals(unknown.body(), 404, unknown.status());
    assertTrue(unknown.body(), unknown.body().startsWith(
        "{\"error\":{\"name\":\"NotFoundError\",\"message\":\"Task nope does not exist\""));
    Answer notRunning = post(TASKS + "/ops-report/cancel");
    assertEquals(notRunning.body(), 409, notRunning.status());
    assertTrue(notRunning.body(), notRunning.body().contains("\"message\":\"Task ops-report is not running\""));
    // the run logged its meta objects through the plugin's logger
    awaitLine("ops report run=1 ok=true");
  }

  @Test
  public void aWriteRecordsItsAuditEventThroughThePluginsLogger() throws Exception {
    Answer created = post("/api/ops/items");
    assertEquals(created.body(), 201, created.status());
    LogEntry initiated = awaitLine("ops.item-create isAuditEvent=true eventId=item-create severityLevel=medium "
        + "actor={\"actorId\":\"itests\",\"ip\":\"127.0.0.1\",\"hostname\":\"127.0.0.1\",\"userAgent\":\"greenroom-itest\"} "
        + "request={\"url\":\"/api/ops/items\",\"method\":\"POST\"} meta={\"name\":\"hello\"} status=initiated");
    assertEquals("ops", loggerName(initiated));
    assertEquals("medium severity is logged at info", 3 /* LogService.LOG_INFO */, level(initiated));
    awaitLine("ops.item-create isAuditEvent=true eventId=item-create severityLevel=medium "
        + "actor={\"actorId\":\"itests\",\"ip\":\"127.0.0.1\",\"hostname\":\"127.0.0.1\",\"userAgent\":\"greenroom-itest\"} "
        + "request={\"url\":\"/api/ops/items\",\"method\":\"POST\"} meta={\"name\":\"hello\",\"id\":1} status=succeeded");
  }

  private LogEntry awaitLine(String message) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      for (LogEntry e : lines) {
        if (e.getMessage().equals(message)) {
          return e;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no log line '" + message + "' within " + WAIT + "; lines of plugin ops: "
        + lines.stream().filter(e -> "ops".equals(loggerName(e))).map(LogEntry::getMessage).toList());
  }

  @SuppressWarnings("deprecation") // getLevel(): the R6 log API the tests compile against
  private static int level(LogEntry entry) {
    return entry.getLevel();
  }

  /** The R7 logger name (pax-logging provides the R7 log API; the tests compile against R6). */
  private static String loggerName(LogEntry entry) {
    try {
      Object name = LogEntry.class.getMethod("getLoggerName").invoke(entry);
      return name == null ? null : name.toString();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("pax-logging's LogEntry has no getLoggerName", e);
    }
  }

  private Answer post(String path) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(30_000);
    c.setRequestMethod("POST");
    c.setRequestProperty("Authorization", "Bearer " + TOKEN);
    c.setRequestProperty("User-Agent", "greenroom-itest");
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }
}
