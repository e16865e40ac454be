package dev.greenroom.backend.test;

import dev.greenroom.backend.api.services.AuditorEvent;
import dev.greenroom.backend.api.services.AuditorEventSeverityLevel;
import dev.greenroom.backend.api.services.AuditorService;
import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code core.auditor} that keeps every event for the test to read ({@link #events()}) and logs
 * each step to the plugin's logger as the real auditor does (low severity at debug, others at info).
 */
public final class MockAuditor implements AuditorService {
  /** One audit event as recorded: its status is {@code initiated}, {@code succeeded} or {@code failed}. */
  public record Event(
      String eventId, AuditorEventSeverityLevel severityLevel, Map<String, ?> meta, String status, Throwable error) {}

  private final LoggerService logger;
  private final List<Event> events = new CopyOnWriteArrayList<>();

  /** @param logger where events are logged; null logs nothing */
  public MockAuditor(LoggerService logger) {
    this.logger = logger;
  }

  /** Every step of every event so far, in order. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  @Override
  public AuditorEvent createEvent(
      String eventId, AuditorEventSeverityLevel severityLevel, Map<String, ?> meta, HttpServletRequest request) {
    AuditorEventSeverityLevel level = severityLevel == null ? AuditorEventSeverityLevel.LOW : severityLevel;
    record(new Event(eventId, level, meta, "initiated", null));
    return new AuditorEvent() {
      @Override
      public void success(Map<String, ?> more) {
        record(new Event(eventId, level, more, "succeeded", null));
      }

      @Override
      public void fail(Throwable error, Map<String, ?> more) {
        record(new Event(eventId, level, more, "failed", error));
      }
    };
  }

  private void record(Event e) {
    events.add(e);
    if (logger != null) {
      String line = "Audit event " + e.eventId() + " " + e.status();
      if (e.severityLevel() == AuditorEventSeverityLevel.LOW) {
        logger.debug(line, e.error());
      } else {
        logger.info(line, e.error());
      }
    }
  }
}
