package dev.greenroom.scheduler.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How often a task runs, as the engine's {@link Schedule} and as next-run arithmetic for local
 * tasks. Backstage's {@code cadence}: an ISO duration, a cron expression or {@code manual}.
 */
public sealed interface Cadence {

  /** Backstage's settings text for the cadence. */
  String text();

  /** The db-scheduler schedule that reschedules a global task after each run. */
  Schedule engineSchedule();

  /**
   * The next start after a run that was due at {@code dueAt} and ended at {@code now}; {@link
   * Schedule#NEVER} for manual tasks.
   */
  Instant nextAfter(Instant dueAt, Instant now);

  /** The first start of a task registered at {@code now}. */
  default Instant firstRun(Instant now, Duration initialDelay) {
    return initialDelay == null ? now : now.plus(initialDelay);
  }

  /** How often a worker checks the database for this task; at most {@code max}. */
  default Duration pollingInterval(Duration max) {
    return max;
  }

  static Cadence of(String where, SchedulerServiceTaskFrequency frequency) {
    if (frequency instanceof SchedulerServiceTaskFrequency.Every every) {
      Duration interval = every.interval();
      if (interval.isZero() || interval.isNegative()) {
        throw new InputError(where + " has an invalid frequency " + interval + ", expected a positive duration");
      }
      return new Every(interval);
    }
    if (frequency instanceof SchedulerServiceTaskFrequency.Cron cron) {
      return Cron.parse(where, cron.expression());
    }
    return new Manual();
  }

  /**
   * Every {@code interval}, counted from when the previous run was due rather than from when it
   * ended (Backstage: {@code greatest(next_run_start_at + cadence, now())}), so a cadence does not
   * drift by the run time.
   */
  record Every(Duration interval) implements Cadence, Schedule {
    @Override
    public String text() {
      return interval.toString();
    }

    @Override
    public Schedule engineSchedule() {
      return this;
    }

    @Override
    public Instant nextAfter(Instant dueAt, Instant now) {
      Instant next = dueAt.plus(interval);
      return next.isAfter(now) ? next : now;
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
      return nextAfter(complete.getExecution().getExecutionTime(), complete.getTimeDone());
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }

    @Override
    public Duration pollingInterval(Duration max) {
      return interval.compareTo(max) < 0 ? interval : max;
    }
  }

  /**
   * A crontab expression in the system time zone: five fields (minute to day-of-week, Unix
   * style) or six with a leading seconds field, as Backstage's {@code cron} library accepts.
   */
  record Cron(String expression, CronSchedule schedule) implements Cadence {
    static Cron parse(String where, String expression) {
      String trimmed = expression.trim();
      int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
      CronStyle style = fields == 6 ? CronStyle.SPRING53 : CronStyle.UNIX;
      try {
        if (fields != 5 && fields != 6) {
          throw new IllegalArgumentException("expected 5 fields, or 6 with seconds first, got " + fields);
        }
        return new Cron(expression, new CronSchedule(trimmed, ZoneId.systemDefault(), style));
      } catch (RuntimeException e) {
        throw new InputError(
            where + " has an invalid cron expression '" + expression + "': " + e.getMessage(), e);
      }
    }

    @Override
    public String text() {
      return expression;
    }

    @Override
    public Schedule engineSchedule() {
      return schedule;
    }

    @Override
    public Instant nextAfter(Instant dueAt, Instant now) {
      return schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(now));
    }

    @Override
    public Instant firstRun(Instant now, Duration initialDelay) {
      Instant from = initialDelay == null ? now : now.plus(initialDelay);
      return schedule.getInitialExecutionTime(from);
    }
  }

  /** Runs only when triggered (or once after an initial delay, as in Backstage). */
  record Manual() implements Cadence, Schedule {
    @Override
    public String text() {
      return "manual";
    }

    @Override
    public Schedule engineSchedule() {
      return this;
    }

    @Override
    public Instant nextAfter(Instant dueAt, Instant now) {
      return Schedule.NEVER;
    }

    @Override
    public Instant firstRun(Instant now, Duration initialDelay) {
      return initialDelay == null ? Schedule.NEVER : now.plus(initialDelay);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
      return Schedule.NEVER;
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }
  }
}
