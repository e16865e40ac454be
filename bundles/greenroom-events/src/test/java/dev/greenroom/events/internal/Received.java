package dev.greenroom.events.internal;

import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsServiceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test subscriber received, in order; take() waits (bounded) for the next one. */
final class Received implements EventsServiceEventHandler {
  private final BlockingQueue<EventParams> queue = new LinkedBlockingQueue<>();
  private final List<EventParams> all = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void onEvent(EventParams event) throws Exception {
    all.add(event);
    queue.add(event);
  }

  EventParams take() throws InterruptedException {
    EventParams e = queue.poll(20, TimeUnit.SECONDS);
    if (e == null) {
      throw new AssertionError("no event arrived within 20 s; received so far: " + all);
    }
    return e;
  }

  /** The payloads of the next {@code n} events. */
  List<Object> payloads(int n) throws InterruptedException {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(take().eventPayload());
    }
    return out;
  }

  List<EventParams> all() {
    return List.copyOf(all);
  }
}
