package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScope;
import dev.greenroom.backend.test.base.MapConfigs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backstage's readSchedulerServiceTaskScheduleDefinitionFromConfig, on a real config reader. */
class ScheduleFromConfigTest {
  private static SchedulerServiceTaskScheduleDefinition read(Map<String, Object> schedule) {
    Config config = MapConfigs.rootConfig(Map.of("catalog", Map.of("schedule", schedule))).getConfig("catalog.schedule");
    return SchedulerServiceTaskScheduleDefinition.readSchedulerServiceTaskScheduleDefinitionFromConfig(config);
  }

  private static String error(Map<String, Object> schedule) {
    return assertThrows(InputError.class, () -> read(schedule)).getMessage();
  }

  @Test
  void readsCronIsoDurationsHumanDurationsScopeAndDelay() {
    SchedulerServiceTaskScheduleDefinition cron = read(Map.of(
        "frequency", Map.of("cron", "*/5 * * * *"), "timeout", "PT2M", "initialDelay", Map.of("seconds", 30),
        "scope", "local"));
    assertEquals(SchedulerServiceTaskFrequency.cron("*/5 * * * *"), cron.frequency());
    assertEquals(Duration.ofMinutes(2), cron.timeout());
    assertEquals(Duration.ofSeconds(30), cron.initialDelay());
    assertEquals(SchedulerServiceTaskScope.LOCAL, cron.scope());

    SchedulerServiceTaskScheduleDefinition every = read(Map.of(
        "frequency", Map.of("hours", 1, "minutes", 30), "timeout", Map.of("minutes", 10)));
    assertEquals(SchedulerServiceTaskFrequency.every(Duration.ofMinutes(90)), every.frequency());
    assertNull(every.initialDelay());
    assertEquals(SchedulerServiceTaskScope.GLOBAL, every.scope(), "global is the default scope");

    assertEquals(SchedulerServiceTaskFrequency.every(Duration.ofDays(1).plusHours(6)),
        read(Map.of("frequency", "P1DT6H", "timeout", "PT1M")).frequency());
    assertEquals(SchedulerServiceTaskFrequency.every(Duration.ofDays(7)),
        read(Map.of("frequency", "P1W", "timeout", "PT1M")).frequency());
    assertEquals(SchedulerServiceTaskFrequency.every(Duration.ofMillis(1500)),
        read(Map.of("frequency", "PT1.5S", "timeout", "PT1M")).frequency());
    assertEquals(SchedulerServiceTaskFrequency.manual(),
        read(Map.of("frequency", Map.of("trigger", "manual"), "timeout", "PT1M")).frequency());
  }

  @Test
  void badValuesNameTheKey() {
    assertEquals("Invalid duration '10 minutes' in config at 'frequency', Invalid ISO format, expected a value "
        + "similar to 'P2DT6H' (2 days 6 hours) or 'PT1M' (1 minute)",
        error(Map.of("frequency", "10 minutes", "timeout", "PT1M")));
    assertEquals("Failed to read duration from config at 'timeout', Unknown property 'minute'; expected one or more "
        + "of 'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'",
        error(Map.of("frequency", "PT1M", "timeout", Map.of("minute", 1))));
    assertEquals("Missing required config value at 'timeout'", error(Map.of("frequency", "PT1M")));
    assertEquals("Missing required config value at 'frequency'", error(Map.of("timeout", "PT1M")));
    assertEquals("Failed to read duration from config at 'initialDelay', 'initialDelay.seconds' must be a number, got soon",
        error(Map.of("frequency", "PT1M", "timeout", "PT1M", "initialDelay", Map.of("seconds", "soon"))));
    assertEquals("Only \"global\" or \"local\" are allowed for TaskScheduleDefinition.scope, but got: cluster",
        error(Map.of("frequency", "PT1M", "timeout", "PT1M", "scope", "cluster")));
    assertEquals("Invalid cron expression in config at 'frequency.cron', expected a non-empty string",
        error(Map.of("frequency", Map.of("cron", ""), "timeout", "PT1M")));
    assertEquals("Invalid trigger 'daily' in config at 'frequency.trigger', expected 'manual'",
        error(Map.of("frequency", Map.of("trigger", "daily"), "timeout", "PT1M")));
  }
}
