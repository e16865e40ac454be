package dev.greenroom.backend.runtime.internal.live;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to, and fires the timers that fall due. */
final class FakeClock implements MachineClock {
  private record Timer(long due, Runnable task, boolean[] cancelled) {}

  private long now = 1_000;
  private final List<Timer> timers = new ArrayList<>();

  @Override
  public long millis() {
    return now;
  }

  @Override
  public Runnable schedule(long delayMillis, Runnable task) {
    boolean[] cancelled = {false};
    timers.add(new Timer(now + delayMillis, task, cancelled));
    return () -> cancelled[0] = true;
  }

  void advance(long millis) {
    now += millis;
    List<Timer> due = new ArrayList<>();
    timers.removeIf(t -> {
      if (t.cancelled()[0]) {
        return true;
      }
      if (t.due() <= now) {
        due.add(t);
        return true;
      }
      return false;
    });
    due.forEach(t -> t.task().run());
  }

  /** Timers that are armed and not cancelled. */
  long armed() {
    return timers.stream().filter(t -> !t.cancelled()[0]).count();
  }
}
