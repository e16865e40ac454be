package dev.greenroom.events.internal;

import java.util.List;

/**
 * The next events of a subscription, claimed for this reader alone: no other reader of the same
 * subscription id gets a batch until this one is closed. {@link #ack(long)} moves the
 * subscription's cursor past an event once it is processed; {@link #close()} makes the acks
 * durable and releases the claim. Events not acked are delivered again: at least once.
 */
public interface Batch extends AutoCloseable {
  List<StoredEvent> events();

  void ack(long eventId);

  @Override
  void close();
}
