package dev.greenroom.backend.api.services;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a task runs: every fixed {@link Every interval}, on a {@link Cron cron} expression, or
 * only when {@link Manual triggered}. Backstage's {@code frequency}: a duration, {@code {cron}} or
 * {@code {trigger: 'manual'}}.
 */
public sealed interface SchedulerServiceTaskFrequency {
  static Every every(Duration interval) {
    return new Every(interval);
  }

  static Cron cron(String expression) {
    return new Cron(expression);
  }

  static Manual manual() {
    return new Manual();
  }

  /** Runs every {@code interval}. */
  record Every(Duration interval) implements SchedulerServiceTaskFrequency {
    public Every {
      Objects.requireNonNull(interval, "interval");
    }
  }

  /**
   * Runs on a crontab-style expression: five fields (minute hour day-of-month month day-of-week),
   * optionally preceded by a seconds field.
   */
  record Cron(String expression) implements SchedulerServiceTaskFrequency {
    public Cron {
      Objects.requireNonNull(expression, "expression");
    }
  }

  /** Runs only through {@link SchedulerService#triggerTask}. */
  record Manual() implements SchedulerServiceTaskFrequency {}
}
