package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.test.MockActionsRegistry;
import dev.greenroom.backend.test.MockAuditor;
import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.MockEvents;
import dev.greenroom.backend.test.MockScheduler;
import dev.greenroom.backend.test.MockServices;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.backend.test.TestResponse;
import dev.greenroom.events.EventsServiceRefs;
import dev.greenroom.example.backend.module.tags.TagsModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the example shows of the core services: permissions, an audited write, a scheduled task. */
@Timeout(60)
class ExampleServicesTest {
  @Test
  void aPostAddsAnExampleAndRecordsAnAuditEvent() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin())) {
      TestResponse created = backend.http().post("/api/example/examples")
          .credentials(MockCredentials.user()).json(Map.of("name", "from-api")).send();
      assertEquals(201, created.status(), created.body());
      assertEquals(Map.of("name", "from-api", "source", "api", "added", true), created.jsonMap());

      List<Map<String, Object>> rows = backend.http().get("/api/example/examples").send().jsonList();
      assertTrue(rows.stream().anyMatch(r -> "from-api".equals(r.get("name")) && "api".equals(r.get("source"))), rows.toString());

      MockAuditor auditor = (MockAuditor) backend.service(CoreServices.AUDITOR, "example");
      assertEquals(List.of("initiated", "succeeded"),
          auditor.events().stream().filter(e -> e.eventId().equals("example-create")).map(MockAuditor.Event::status).toList());
    }
  }

  @Test
  void aNewExampleIsAnnouncedAndTheTagsModuleHearsIt() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin(), new TagsModule())) {
      backend.http().post("/api/example/examples").credentials(MockCredentials.user()).json(Map.of("name", "fresh")).send();
      backend.http().post("/api/example/examples").credentials(MockCredentials.user()).json(Map.of("name", "fresh")).send();
      MockEvents events = (MockEvents) backend.service(EventsServiceRefs.EVENTS, "example");
      assertEquals(List.of(Map.of("name", "fresh", "source", "api")), events.payloads("example.created"),
          "announced once: the second post added nothing");
      assertEquals(List.of("example.tags"), events.subscriptions().stream().map(MockEvents.Subscription::id).toList());
      assertTrue(backend.logs().messages().contains("tags module saw a new example: fresh"), backend.logs().messages().toString());
    }
  }

  @Test
  void aBlankNameIsAnInputErrorAndNothingIsAudited() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin())) {
      TestResponse bad = backend.http().post("/api/example/examples").json(Map.of("name", " ")).send();
      assertEquals(400, bad.status());
      assertEquals("Invalid example: 'name' must be a non-empty string",
          ((Map<?, ?>) bad.jsonMap().get("error")).get("message"));
      assertEquals(List.of(), ((MockAuditor) backend.service(CoreServices.AUDITOR, "example")).events());
    }
  }

  @Test
  void aDenyingPolicyIsA403AndTheExamplesStayHidden() {
    try (TestBackend backend = TestBackend.builder().add(new ExamplePlugin())
        .add(MockServices.Permissions.factory(AuthorizeResult.DENY)).start()) {
      TestResponse read = backend.http().get("/api/example/examples").send();
      assertEquals(403, read.status());
      assertEquals("NotAllowedError", ((Map<?, ?>) read.jsonMap().get("error")).get("name"));
      assertEquals(403, backend.http().post("/api/example/examples").json(Map.of("name", "x")).send().status());
      assertEquals(200, backend.http().get("/api/example/health").send().status(), "health is not permission-checked");
    }
  }

  @Test
  void theCountTaskIsScheduledAndLogsTheCount() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin())) {
      MockScheduler scheduler = (MockScheduler) backend.service(CoreServices.SCHEDULER, "example");
      assertEquals(List.of(ExampleTasks.COUNT),
          scheduler.getScheduledTasks().stream().map(t -> t.id()).toList());
      scheduler.triggerTask(ExampleTasks.COUNT);
      assertTrue(backend.logs().messages().contains("example-count: 0 examples"), backend.logs().messages().toString());
    }
  }

  @Test
  void theCountActionIsRegisteredAndCounts() throws Exception {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin())) {
      MockActionsRegistry actions = (MockActionsRegistry) backend.service(CoreServices.ACTIONS_REGISTRY, "example");
      assertEquals(List.of(ExampleActions.COUNT), actions.names());
      backend.http().post("/api/example/examples").json(Map.of("name", "one")).send();
      assertEquals(Map.of("count", 1L), actions.invoke(ExampleActions.COUNT, Map.of(), MockCredentials.user()));
    }
  }
}
