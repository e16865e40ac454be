package dev.greenroom.logging.internal.auditor;

import dev.greenroom.backend.api.services.AuditorEvent;
import dev.greenroom.backend.api.services.AuditorEventSeverityLevel;
import dev.greenroom.backend.api.services.AuditorService;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.LogMeta;
import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backstage's {@code DefaultAuditorService} with the log function of its {@code
 * auditorServiceFactory} ({@code packages/backend-defaults/src/entrypoints/auditor/}): every event
 * is one line of the plugin's logger (a child with {@code isAuditEvent: true}), message {@code
 * <plugin>.<eventId>}, fields {@code plugin}, {@code eventId}, {@code severityLevel}, {@code actor}
 * ({@code actorId}, {@code ip}, {@code hostname}, {@code userAgent}), {@code request} ({@code url},
 * {@code method}), {@code meta} and {@code status} ({@code initiated}, {@code succeeded}, {@code
 * failed}); a failure carries its error as the line's error. Absent values are left out, as JSON
 * drops {@code undefined}.
 */
public final class DefaultAuditorService implements AuditorService {
  private final String pluginId;
  private final LoggerService auditLogger;
  private final AuthService auth;
  private final HttpAuthService httpAuth;
  private final SeverityLogLevels levels;

  public DefaultAuditorService(
      String pluginId, LoggerService logger, AuthService auth, HttpAuthService httpAuth, SeverityLogLevels levels) {
    this.pluginId = pluginId;
    this.auditLogger = logger.child(LogMeta.of("isAuditEvent", true));
    this.auth = auth;
    this.httpAuth = httpAuth;
    this.levels = levels;
  }

  @Override
  public AuditorEvent createEvent(
      String eventId, AuditorEventSeverityLevel severityLevel, Map<String, ?> meta, HttpServletRequest request) {
    AuditorEventSeverityLevel severity = severityLevel == null ? AuditorEventSeverityLevel.LOW : severityLevel;
    // the actor is resolved once: the request may be gone when the action completes
    Map<String, Object> actor = actor(request);
    Map<String, Object> requestDetails = request == null ? null : requestDetails(request);
    LogMeta rootMeta = LogMeta.from(meta);
    log(eventId, severity, actor, requestDetails, rootMeta, "initiated", null);
    return new AuditorEvent() {
      private boolean completed;

      @Override
      public void success(Map<String, ?> successMeta) {
        complete();
        log(eventId, severity, actor, requestDetails, rootMeta.with(successMeta), "succeeded", null);
      }

      @Override
      public void fail(Throwable error, Map<String, ?> failMeta) {
        complete();
        log(eventId, severity, actor, requestDetails, rootMeta.with(failMeta), "failed", error);
      }

      private synchronized void complete() {
        if (completed) {
          throw new IllegalStateException("Audit event " + pluginId + "." + eventId + " was already completed");
        }
        completed = true;
      }
    };
  }

  private void log(
      String eventId,
      AuditorEventSeverityLevel severity,
      Map<String, Object> actor,
      Map<String, Object> request,
      LogMeta meta,
      String status,
      Throwable error) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("plugin", pluginId);
    event.put("eventId", eventId);
    event.put("severityLevel", severity.value());
    event.put("actor", actor);
    if (request != null) {
      event.put("request", request);
    }
    if (!meta.isEmpty()) {
      event.put("meta", meta);
    }
    event.put("status", status);
    String message = pluginId + "." + eventId;
    switch (levels.of(severity)) {
      case "error" -> auditLogger.error(message, error, event);
      case "warn" -> auditLogger.warn(message, error, event);
      case "info" -> auditLogger.info(message, error, event);
      default -> auditLogger.debug(message, error, event);
    }
  }

  /** Upstream's {@code getActorId} plus the request's ip, hostname and user agent. */
  private Map<String, Object> actor(HttpServletRequest request) {
    BackstageCredentials<?> credentials;
    if (request == null) {
      credentials = auth.getOwnServiceCredentials();
    } else {
      // upstream: httpAuth.credentials(req) accepts any principal; a failure is forwarded as is
      credentials = httpAuth.credentials(request, EnumSet.allOf(BackstagePrincipalType.class), false);
    }
    Map<String, Object> actor = new LinkedHashMap<>();
    if (credentials.principal() instanceof BackstageUserPrincipal user) {
      actor.put("actorId", user.userEntityRef());
    } else if (credentials.principal() instanceof BackstageServicePrincipal service) {
      actor.put("actorId", service.subject());
    }
    if (request != null) {
      putIf(actor, "ip", request.getRemoteAddr());
      putIf(actor, "hostname", request.getServerName());
      putIf(actor, "userAgent", request.getHeader("User-Agent"));
    }
    return actor;
  }

  /** Express's {@code originalUrl} (path and query) and method. */
  private static Map<String, Object> requestDetails(HttpServletRequest request) {
    Map<String, Object> details = new LinkedHashMap<>();
    String query = request.getQueryString();
    details.put("url", query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
    details.put("method", request.getMethod());
    return details;
  }

  private static void putIf(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
