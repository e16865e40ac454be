package dev.greenroom.events.internal;

import dev.greenroom.events.EventParams;

/** An event as a bus store holds it: its sequence id (the bus's order) and the event. */
public record StoredEvent(long id, EventParams event) {}
