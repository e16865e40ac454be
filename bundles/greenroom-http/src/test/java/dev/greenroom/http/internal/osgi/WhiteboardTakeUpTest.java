package dev.greenroom.http.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.http.internal.osgi.WhiteboardTakeUp.Look;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;

class WhiteboardTakeUpTest {
  private static final long SECOND = 1_000_000_000L;

  /** A fake clock that moves by each pause; looks are taken in order, the last one repeats. */
  private static final class Clock {
    long now;
    int looks;

    Supplier<Look> looks(Look... answers) {
      List<Look> list = Arrays.asList(answers); // null: no runtime registered
      return () -> list.get(Math.min(looks++, list.size() - 1));
    }

    boolean await(Supplier<Look> newest, long newerThan, long timeoutNanos) throws InterruptedException {
      return WhiteboardTakeUp.await(newest, newerThan, () -> now, millis -> now += millis * 1_000_000L, timeoutNanos);
    }
  }

  @Test
  void aRuntimeAlreadyTakenUpIsNoWait() throws Exception {
    Clock clock = new Clock();
    assertTrue(clock.await(clock.looks(new Look(79, true)), -1, 15 * SECOND));
    assertEquals(1, clock.looks);
    assertEquals(0, clock.now);
  }

  @Test
  void waitsForPaxWebsRuntimeAndThenForTheWhiteboardsDefaultContext() throws Exception {
    Clock clock = new Clock();
    assertTrue(clock.await(clock.looks(null, null, new Look(79, false), new Look(79, false), new Look(79, true)),
        -1, 15 * SECOND));
    assertEquals(5, clock.looks, "no runtime yet, then one the whiteboard has not taken up: both are waited for");
  }

  @Test
  void theRuntimeFromBeforeARestartDoesNotCount() throws Exception {
    Clock clock = new Clock();
    // the HTTP bundle moved Pax Web: runtime 79 was current before, its DTO still lists the context
    assertTrue(clock.await(clock.looks(new Look(79, true), null, new Look(91, false), new Look(91, true)),
        79, 15 * SECOND));
    assertEquals(4, clock.looks);
  }

  @Test
  void givesUpAfterItsBound() throws Exception {
    Clock clock = new Clock();
    assertFalse(clock.await(clock.looks(new Look(79, false)), -1, SECOND));
    assertTrue(clock.now >= SECOND && clock.now < SECOND + WhiteboardTakeUp.LOOK_EVERY_MILLIS * 1_000_000L,
        "stopped at its bound: " + clock.now);
  }

  @Test
  void theDefaultContextIsTheWhiteboardsOwn() {
    assertFalse(HttpRuntimeLook.listsDefaultContext(runtime()), "no context");
    assertFalse(HttpRuntimeLook.listsDefaultContext(runtime(context("default", 42))),
        "a context named default registered by some bundle (service id 42) is not the whiteboard's");
    assertFalse(HttpRuntimeLook.listsDefaultContext(runtime(context("other", 0))));
    assertTrue(HttpRuntimeLook.listsDefaultContext(runtime(context("other", 42), context("default", 0))));
    assertFalse(HttpRuntimeLook.listsDefaultContext(new RuntimeDTO()), "a DTO without contexts");
  }

  private static RuntimeDTO runtime(ServletContextDTO... contexts) {
    RuntimeDTO dto = new RuntimeDTO();
    dto.servletContextDTOs = contexts;
    return dto;
  }

  private static ServletContextDTO context(String name, long serviceId) {
    ServletContextDTO dto = new ServletContextDTO();
    dto.name = name;
    dto.serviceId = serviceId;
    return dto;
  }
}
