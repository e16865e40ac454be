package dev.greenroom.backend.api.services;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records security-relevant actions of a plugin. Backstage's {@code AuditorService} ({@code
 * core.auditor}): events go through the root logger, enriched with the plugin id and, given a
 * request, the actor; {@link AuditorEventSeverityLevel#LOW low} events are logged at debug level.
 * An event is created when an action starts and completed with {@link AuditorEvent#success()} or
 * {@link AuditorEvent#fail(Throwable)}.
 */
@ProviderType
public interface AuditorService {
  /**
   * As {@link #createEvent(String, AuditorEventSeverityLevel, Map, HttpServletRequest)}, low
   * severity.
   */
  default AuditorEvent createEvent(String eventId) {
    return createEvent(eventId, AuditorEventSeverityLevel.LOW, null, null);
  }

  /**
   * As {@link #createEvent(String, AuditorEventSeverityLevel, Map, HttpServletRequest)}, no
   * request.
   */
  default AuditorEvent createEvent(
      String eventId, AuditorEventSeverityLevel severityLevel, Map<String, ?> meta) {
    return createEvent(eventId, severityLevel, meta, null);
  }

  /**
   * Records that an action was initiated and returns the event to complete.
   *
   * @param eventId a kebab-case name without plugin prefix, such as {@code entity-fetch}
   * @param severityLevel null means {@link AuditorEventSeverityLevel#LOW}
   * @param meta JSON-like details; may be null
   * @param request the HTTP request that caused the action, to identify the actor; may be null
   */
  AuditorEvent createEvent(
      String eventId,
      AuditorEventSeverityLevel severityLevel,
      Map<String, ?> meta,
      HttpServletRequest request);
}
