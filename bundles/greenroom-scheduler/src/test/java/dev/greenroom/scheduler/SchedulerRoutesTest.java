package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.auth.AuthServiceFactories;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScope;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backstage's per-plugin scheduler routes on the real HTTP and auth services (embedded Jetty, a
 * static token), with the shapes of upstream's {@code TaskApiTasksResponse} and its error bodies.
 */
class SchedulerRoutesTest {
  static final String TOKEN = "static-token-for-the-scheduler-test";
  static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedJetty jetty = new EmbeddedJetty();
  private final HttpClient client = HttpClient.newHttpClient();
  private final DataSource db = TestDatabases.h2();
  private final AtomicInteger manualRuns = new AtomicInteger();
  private final CountDownLatch manualStarted = new CountDownLatch(1);
  private final AtomicBoolean manualSawAbort = new AtomicBoolean();
  private TestBackend backend;

  @AfterEach
  void stop() {
    if (backend != null) {
      backend.stop();
    }
  }

  private void start() {
    TestBackend.Builder b = TestBackend.builder().config(Map.of("backend", Map.of(
        "listen", Map.of("host", "127.0.0.1", "port", 0),
        "auth", Map.of("externalAccess", List.of(Map.of(
            "type", "static", "options", Map.of("token", TOKEN, "subject", "scheduler-test")))))));
    for (ServiceFactory<?> f : HttpServices.factories(jetty)) {
      b.defaultService(f);
    }
    for (ServiceFactory<?> f : AuthServiceFactories.all()) {
      b.defaultService(f);
    }
    backend = b
        .add(SchedulerServiceFactories.createWithRoutes(GlobalTasksH2Options.FAST))
        .add(ServiceFactory.of(CoreServices.DATABASE).factory(deps -> TestDatabases.service(db)))
        .add(BackendPlugin.create("example", env -> env.registerInit(CoreServices.SCHEDULER, scheduler -> {
          scheduler.scheduleTask("manual", new SchedulerServiceTaskScheduleDefinition(
              SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)).withScope(SchedulerServiceTaskScope.LOCAL),
              signal -> {
                manualRuns.incrementAndGet();
                manualStarted.countDown();
                while (!signal.isAborted()) {
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    // the abort interrupts the run's thread too; the loop checks the signal
                  }
                }
                manualSawAbort.set(true);
              });
          scheduler.scheduleTask("sync", new SchedulerServiceTaskScheduleDefinition(
              SchedulerServiceTaskFrequency.cron("0 3 * * *"), Duration.ofMinutes(5)), signal -> {});
        })))
        .start();
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + jetty.port() + "/api/example/.backstage/scheduler/v1/tasks" + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode tasks() throws Exception {
    HttpResponse<String> list = send("GET", "", TOKEN);
    assertEquals(200, list.statusCode(), list.body());
    return JSON.readTree(list.body()).get("tasks");
  }

  private static JsonNode task(JsonNode tasks, String id) {
    for (JsonNode t : tasks) {
      if (t.get("taskId").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no task " + id + " in " + tasks);
  }

  private static void assertError(HttpResponse<String> response, int status, String name, String message) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertEquals(name, error.get("name").asText(), response.body());
    assertEquals(message, error.get("message").asText(), response.body());
  }

  @Test
  void listsThePluginsTasksInUpstreamsShape() throws Exception {
    start();
    JsonNode tasks = tasks();
    assertEquals(2, tasks.size(), tasks.toString());

    JsonNode manual = task(tasks, "manual");
    assertEquals("example", manual.get("pluginId").asText());
    assertEquals("local", manual.get("scope").asText());
    assertEquals(2, manual.get("settings").get("version").asInt());
    assertEquals("manual", manual.get("settings").get("cadence").asText());
    assertEquals("PT1M", manual.get("settings").get("timeoutAfterDuration").asText());
    assertEquals("idle", manual.get("taskState").get("status").asText());
    assertFalse(manual.get("taskState").has("startsAt"), "a manual task has no next start: " + manual);
    assertEquals("idle", manual.get("workerState").get("status").asText());

    JsonNode sync = task(tasks, "sync");
    assertEquals("global", sync.get("scope").asText());
    assertEquals("0 3 * * *", sync.get("settings").get("cadence").asText());
    assertEquals("idle", sync.get("taskState").get("status").asText());
    assertTrue(sync.get("taskState").get("startsAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT03:00:00Z|.*T\\d\\d:00:00Z"),
        sync.toString());
    assertEquals(List.of("taskId", "pluginId", "scope", "settings", "taskState", "workerState"),
        iterable(manual.fieldNames()));
  }

  @Test
  void theRoutesAreBehindThePluginsAuthPolicy() throws Exception {
    start();
    assertEquals(401, send("GET", "", null).statusCode());
    assertEquals(401, send("POST", "/manual/trigger", null).statusCode());
    assertEquals(0, manualRuns.get());
  }

  @Test
  void triggerRunsTheTaskConflictsWhileItRunsAndCancelStopsIt() throws Exception {
    start();
    HttpResponse<String> trigger = send("POST", "/manual/trigger", TOKEN);
    assertEquals(200, trigger.statusCode(), trigger.body());
    assertEquals("", trigger.body());
    assertTrue(manualStarted.await(30, TimeUnit.SECONDS));

    assertError(send("POST", "/manual/trigger", TOKEN), 409, "ConflictError", "Task manual is currently running");
    JsonNode running = task(tasks(), "manual");
    assertEquals("running", running.get("taskState").get("status").asText());
    assertTrue(running.get("taskState").has("startedAt"));
    assertTrue(running.get("taskState").has("timesOutAt"));
    assertEquals("running", running.get("workerState").get("status").asText());

    assertEquals(200, send("POST", "/manual/cancel", TOKEN).statusCode());
    Await.until("the run saw its abort signal", manualSawAbort::get);
    Await.until("the task is idle again", () -> {
      try {
        return task(tasks(), "manual").get("taskState").get("status").asText().equals("idle");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    JsonNode idle = task(tasks(), "manual").get("taskState");
    assertEquals("{\"name\":\"Error\",\"message\":\"Task was cancelled\"}", idle.get("lastRunError").asText());
    assertTrue(idle.has("lastRunEndedAt"), idle.toString());
    assertError(send("POST", "/manual/cancel", TOKEN), 409, "ConflictError", "Task manual is not running");
    assertEquals(1, manualRuns.get());
  }

  @Test
  void anUnknownTaskIsNotFoundNamingIt() throws Exception {
    start();
    assertError(send("POST", "/nope/trigger", TOKEN), 404, "NotFoundError", "Task nope does not exist");
    assertError(send("POST", "/nope/cancel", TOKEN), 404, "NotFoundError", "Task nope does not exist");
    assertError(send("POST", "/sync/cancel", TOKEN), 409, "ConflictError", "Task sync is not running");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** Fast engine settings, as the H2 tests use. */
  static final class GlobalTasksH2Options {
    static final SchedulerOptions FAST = SchedulerOptions.defaults()
        .withMaxPollingInterval(Duration.ofMillis(100))
        .withShutdownGrace(Duration.ofMillis(500))
        .withInstanceName("routes-test");
  }
}
