package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with a generous deadline: waits for behaviour, never times it. */
public final class Await {
  private Await() {}

  public static final Duration GENEROUS = Duration.ofSeconds(30);

  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("gave up waiting after " + GENEROUS + " for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for: " + what);
      }
    }
  }
}
