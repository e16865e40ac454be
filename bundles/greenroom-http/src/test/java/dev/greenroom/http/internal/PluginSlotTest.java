package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The slot's gate across plugin restarts, removals and the backend's stop. */
@Timeout(60)
class PluginSlotTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  private static PluginRouter router(String id) {
    return new PluginRouter(id, null, null, false, null);
  }

  /** A request on another thread, waiting in the slot. */
  private static CompletableFuture<PluginRouter> request(PluginSlot slot) throws InterruptedException {
    CompletableFuture<PluginRouter> served = CompletableFuture.supplyAsync(() -> {
      try {
        return slot.awaitRouter();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    return served;
  }

  @Test
  void aRequestDuringARestartIsServedByTheNewInstance() throws Exception {
    PluginSlot slot = new PluginSlot("p", LONG, id -> true);
    PluginRouter first = router("p");
    slot.attach(first);
    slot.open(first);
    assertSame(first, slot.awaitRouter());

    slot.stopped(first);
    assertEquals("RESTARTING", slot.state());
    CompletableFuture<PluginRouter> held = request(slot);
    PluginRouter second = router("p");
    slot.attach(second);
    assertEquals("PENDING", slot.state());
    slot.open(second);
    assertSame(second, held.get(30, TimeUnit.SECONDS));
  }

  @Test
  void aRestartThatNeverCompletesAnswersShuttingDownAfterThePause() {
    PluginSlot slot = new PluginSlot("p", Duration.ofMillis(200), id -> true);
    PluginRouter first = router("p");
    slot.attach(first);
    slot.open(first);
    slot.stopped(first);
    ServiceUnavailableError e = assertThrows(ServiceUnavailableError.class, slot::awaitRouter);
    assertEquals("Service is shutting down", e.getMessage());
    // the old instance's router is not kept (its classes may be unloading)
    assertNull(slot.current());
  }

  @Test
  void aNewInstanceThatNeverStartsAnswersNotStartedAfterThePause() {
    PluginSlot slot = new PluginSlot("p", Duration.ofMillis(200), id -> true);
    slot.attach(router("p"));
    ServiceUnavailableError e = assertThrows(ServiceUnavailableError.class, slot::awaitRouter);
    assertEquals("Service has not started up yet", e.getMessage());
  }

  @Test
  void aRemovedPluginIsReportedAtOnceEvenToHeldRequests() throws Exception {
    AtomicBoolean provided = new AtomicBoolean(true);
    PluginSlot slot = new PluginSlot("p", LONG, id -> provided.get());
    PluginRouter first = router("p");
    slot.attach(first);
    slot.open(first);
    slot.stopped(first);
    CompletableFuture<PluginRouter> held = request(slot);
    provided.set(false);
    // far sooner than the 60 s pause: the held request re-checks presence while it waits
    assertNull(held.get(30, TimeUnit.SECONDS));
    assertNull(slot.awaitRouter());

    // re-added: served again
    provided.set(true);
    PluginRouter again = router("p");
    slot.attach(again);
    slot.open(again);
    assertSame(again, slot.awaitRouter());
  }

  @Test
  void afterTheBackendStartsStoppingAPluginShutdownIsFinal() throws Exception {
    PluginSlot slot = new PluginSlot("p", LONG, id -> true);
    PluginRouter first = router("p");
    slot.attach(first);
    slot.open(first);
    slot.backendStopping();
    assertSame(first, slot.awaitRouter()); // still serving until the plugin's own shutdown
    slot.stopped(first);
    ServiceUnavailableError e = assertThrows(ServiceUnavailableError.class, slot::awaitRouter);
    assertEquals("Service is shutting down", e.getMessage());
  }

  @Test
  void theBackendStoppingReleasesRequestsHeldForARestart() throws Exception {
    PluginSlot slot = new PluginSlot("p", LONG, id -> true);
    PluginRouter first = router("p");
    slot.attach(first);
    slot.open(first);
    slot.stopped(first);
    CompletableFuture<PluginRouter> held = request(slot);
    slot.backendStopping();
    var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> held.get(30, TimeUnit.SECONDS));
    assertEquals("Service is shutting down", failure.getCause().getMessage());
  }

  @Test
  void aStaleShutdownDoesNotCloseTheNewInstance() throws Exception {
    PluginSlot slot = new PluginSlot("p", LONG, id -> true);
    PluginRouter first = router("p");
    PluginRouter second = router("p");
    slot.attach(first);
    slot.attach(second);
    slot.open(second);
    slot.stopped(first);
    assertSame(second, slot.awaitRouter());
  }

  @Test
  void noStartPendingIsTrustedOnlyFromTwoLooksInARow() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> runtime = new java.util.concurrent.atomic.AtomicReference<>();
    PluginSlot slot = new PluginSlot("p", RequestLimits.DEFAULTS.withPauseTimeout(LONG), id -> true,
        id -> java.util.Optional.ofNullable(runtime.get()), null);
    slot.attach(router("p"));
    assertEquals(PluginSlot.Gate.Kind.HOLD, slot.gate().kind());

    // the runtime passes through STOPPED between the halves of a restart: one look is not enough
    runtime.set("it is stopped");
    slot.refresh();
    assertEquals(PluginSlot.Gate.Kind.HOLD, slot.gate().kind());
    runtime.set(null);
    slot.refresh();
    runtime.set("it failed: Boom");
    slot.refresh();
    assertEquals(PluginSlot.Gate.Kind.HOLD, slot.gate().kind());

    // a second look in a row: refused at once
    slot.refresh();
    assertEquals(PluginSlot.Gate.refuse(PluginSlot.NOT_STARTED), slot.gate());
    ServiceUnavailableError e = assertThrows(ServiceUnavailableError.class, slot::awaitRouter);
    assertEquals("Service has not started up yet", e.getMessage());

    // a new start (the runtime says so, or a new instance attaches): held again
    runtime.set(null);
    slot.refresh();
    assertEquals(PluginSlot.Gate.Kind.HOLD, slot.gate().kind());
  }

  @Test
  void aHeldRequestIsResumedWhenTheVerdictComes() {
    PluginSlot slot = new PluginSlot("p", RequestLimits.DEFAULTS.withPauseTimeout(LONG), id -> true,
        id -> java.util.Optional.of("it failed: Boom"), null);
    slot.attach(router("p"));
    java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();
    assertEquals(true, slot.hold(resumed::incrementAndGet));
    slot.refresh();
    assertEquals(0, resumed.get());
    slot.refresh();
    assertEquals(1, resumed.get());
    // refused now: nothing more is held
    assertEquals(false, slot.hold(resumed::incrementAndGet));
  }
}
