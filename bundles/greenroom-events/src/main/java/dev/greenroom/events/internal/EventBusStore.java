package dev.greenroom.events.internal;

import dev.greenroom.events.EventParams;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where events wait for their subscribers: a log ordered by sequence id and one cursor per
 * subscription id. Upstream's {@code EventBusStore}
 * (plugins/events-backend/src/service/hub/types.ts), with the read split into claim and ack so a
 * failed event is read again (upstream moves the cursor as it reads).
 */
public interface EventBusStore extends AutoCloseable {
  /**
   * Stores {@code event} if some subscription to its topic exists that is not in {@code
   * notifiedSubscribers}; otherwise nothing (upstream: "For an event to be published and stored
   * there must already exist a subscriber").
   *
   * @return the event's id, or empty when it was not stored
   */
  OptionalLong publish(EventParams event, String createdBy, Collection<String> notifiedSubscribers);

  /**
   * Creates subscription {@code id} at the end of the log, or updates its topics (its cursor stays
   * where it is: a restarted subscriber resumes there).
   */
  void upsertSubscription(String id, List<String> topics, String createdBy);

  /**
   * Claims the next events of subscription {@code id}, at most {@code limit}.
   *
   * @return null when another reader of the same id holds the claim
   * @throws dev.greenroom.backend.api.errors.NotFoundError if the subscription does not exist
   */
  Batch claim(String id, int limit);

  /** The topics of subscription {@code id}. @throws NotFoundError if it does not exist */
  List<String> topics(String id);

  /** Who waits for events wakes up here. */
  Wakeups wakeups();

  /** A short description for logs: {@code memory} or {@code postgresql}. */
  String kind();

  @Override
  void close();
}
