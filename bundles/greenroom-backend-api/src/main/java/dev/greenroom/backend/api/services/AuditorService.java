package dev.greenroom.backend.api.services;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records security-relevant actions of a plugin. Backstage's {@code AuditorService} ({@code
 * core.auditor}, {@code packages/backend-plugin-api/src/services/definitions/AuditorService.ts}):
 * {@code createEvent({eventId, severityLevel, request, meta})} logs the event with status {@code
 * initiated} and returns it, to be completed once with {@link AuditorEvent#success(Map)} ({@code
 * succeeded}) or {@link AuditorEvent#fail(Throwable, Map)} ({@code failed}). Each line goes through
 * the plugin's logger with message {@code <pluginId>.<eventId>} and fields {@code isAuditEvent},
 * {@code plugin}, {@code eventId}, {@code severityLevel}, {@code actor} ({@code actorId}, {@code
 * ip}, {@code hostname}, {@code userAgent}), {@code request} ({@code url}, {@code method}), {@code
 * meta} and {@code status}. The log level follows the severity ({@code
 * backend.auditor.severityLogLevelMappings}; by default {@link AuditorEventSeverityLevel#LOW low}
 * is debug and the others info). See {@code docs/auditor.md}.
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
   *     (the actor is then the plugin's own service principal)
   * @throws dev.greenroom.backend.api.errors.BackstageError when the request's credentials cannot
   *     be resolved ({@code Could not resolve credentials}), as upstream
   */
  AuditorEvent createEvent(
      String eventId,
      AuditorEventSeverityLevel severityLevel,
      Map<String, ?> meta,
      HttpServletRequest request);
}
