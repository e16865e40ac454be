package dev.greenroom.backend.runtime.internal.live;

/**
 * Time for a {@link PluginMachine}: now, and one-shot timers. A timer's task must reach the
 * machine the same way every other input does (the OSGi layer puts it on the plugin's queue);
 * unit tests fire it by hand.
 */
public interface MachineClock {
  long millis();

  /** Runs {@code task} after {@code delayMillis}; the returned action cancels it. */
  Runnable schedule(long delayMillis, Runnable task);
}
