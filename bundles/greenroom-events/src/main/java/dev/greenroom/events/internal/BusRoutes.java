package dev.greenroom.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.events.EventParams;
import dev.greenroom.http.router.RouteRequest;
import dev.greenroom.http.router.RouteResponse;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Upstream's event bus routes (plugins/events-backend/src/service/hub/createEventBusRouter.ts,
 * schema in src/schema/openapi.yaml), on plugin {@code events}, for service principals only:
 *
 * <ul>
 *   <li>{@code POST /bus/v1/events} {@code {"event": {"topic", "payload"}, "notifiedSubscribers"?:
 *       [...]}}: 201 stored, 204 not stored (no subscriber left to notify);
 *   <li>{@code PUT /bus/v1/subscriptions/:id} {@code {"topics": [...]}}: 201;
 *   <li>{@code GET /bus/v1/subscriptions/:id/events}: 200 {@code {"events": [{"topic",
 *       "payload"}]}} (the cursor moves past them: upstream's client acknowledges by reading), or
 *       202 with header {@code backstage-events-notify-timeout} and an empty body that ends when an
 *       event arrives or the timeout passes; 404 for an unknown subscription.
 * </ul>
 */
public final class BusRoutes {
  static final String NOTIFY_TIMEOUT_HEADER = "backstage-events-notify-timeout";
  private static final int MAX_BATCH_SIZE = 10;

  private BusRoutes() {}

  public static HttpServlet servlet(EventBusStore store, HttpAuthService httpAuth, LoggerService logger, long notifyTimeoutMs) {
    return Router.create(Json.MAPPER)
        .post("/bus/v1/events", req -> {
          String subject = service(httpAuth, req);
          JsonNode body = body(req);
          JsonNode event = body.path("event");
          if (!event.isObject() || !event.path("topic").isTextual() || event.path("topic").asText().isBlank()
              || !event.has("payload")) {
            throw new InputError("Invalid request body: event.topic and event.payload are required");
          }
          List<String> notified = strings(body.path("notifiedSubscribers"), "notifiedSubscribers");
          String topic = event.path("topic").asText();
          Object payload = Json.MAPPER.treeToValue(event.get("payload"), Object.class);
          OptionalLong id = store.publish(new EventParams(topic, payload), "service=" + subject, new HashSet<>(notified));
          if (id.isPresent()) {
            logger.debug("Published event to '" + topic + "' with ID '" + id.getAsLong() + "'", Map.of("subject", subject));
            return RouteResponse.of(201, null);
          }
          logger.debug(notified.isEmpty()
              ? "Skipped publishing of event to '" + topic + "', no subscribers present"
              : "Skipped publishing of event to '" + topic + "', subscribers have already been notified: '"
                  + String.join("', '", notified) + "'", Map.of("subject", subject));
          return RouteResponse.noContent();
        })
        .put("/bus/v1/subscriptions/{subscriptionId}", req -> {
          String subject = service(httpAuth, req);
          String id = req.param("subscriptionId");
          JsonNode body = body(req);
          if (!body.path("topics").isArray()) {
            throw new InputError("Invalid request body: topics is required");
          }
          List<String> topics = strings(body.path("topics"), "topics");
          store.upsertSubscription(id, topics, "service=" + subject);
          logger.debug("New subscription '" + id + "' for topics '" + String.join("', '", topics) + "'", Map.of("subject", subject));
          return RouteResponse.of(201, null);
        })
        .get("/bus/v1/subscriptions/{subscriptionId}/events", req -> {
          String subject = service(httpAuth, req);
          String id = req.param("subscriptionId");
          List<String> topics = store.topics(id); // 404 for an unknown subscription
          // listen before reading, so an event published meanwhile still ends the wait
          try (Wakeups.Waiter waiter = store.wakeups().register(new HashSet<>(topics))) {
            List<StoredEvent> events;
            Batch batch = store.claim(id, MAX_BATCH_SIZE);
            if (batch == null) {
              events = List.of(); // another reader of this id holds it: wait as for an empty read
            } else {
              try (batch) {
                events = batch.events();
                for (StoredEvent e : events) {
                  batch.ack(e.id());
                }
              }
            }
            logger.debug("Reading subscription '" + id + "' resulted in " + events.size() + " events", Map.of("subject", subject));
            if (!events.isEmpty()) {
              List<Map<String, Object>> out = new ArrayList<>();
              for (StoredEvent e : events) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("topic", e.event().topic());
                m.put("payload", e.event().eventPayload());
                out.add(m);
              }
              return Map.of("events", out);
            }
            HttpServletResponse res = req.servletResponse();
            res.setHeader(NOTIFY_TIMEOUT_HEADER, Long.toString(notifyTimeoutMs));
            res.setStatus(202);
            res.flushBuffer();
            try {
              waiter.await(notifyTimeoutMs);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            res.getOutputStream().close();
            return null;
          }
        })
        .build();
  }

  private static String service(HttpAuthService httpAuth, RouteRequest req) {
    BackstageCredentials<BackstagePrincipal> credentials =
        httpAuth.credentials(req.servletRequest(), EnumSet.of(BackstagePrincipalType.SERVICE), false);
    return credentials.principal() instanceof BackstageServicePrincipal s ? s.subject() : String.valueOf(credentials.principal());
  }

  private static JsonNode body(RouteRequest req) throws IOException {
    byte[] bytes = req.servletRequest().getInputStream().readAllBytes();
    if (bytes.length == 0) {
      throw new InputError("Invalid request body: a JSON object is required");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InputError("Invalid request body: a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InputError("Invalid JSON body: " + e.getOriginalMessage());
    }
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new InputError("Invalid request body: " + field + " must be an array of strings");
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        throw new InputError("Invalid request body: " + field + " must be an array of strings");
      }
      out.add(n.asText());
    }
    return out;
  }
}
