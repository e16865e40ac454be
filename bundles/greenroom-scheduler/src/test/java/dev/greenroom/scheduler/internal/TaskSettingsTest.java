package dev.greenroom.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSettingsTest {
  private static SchedulerServiceTaskScheduleDefinition every(Duration d) {
    return new SchedulerServiceTaskScheduleDefinition(SchedulerServiceTaskFrequency.every(d), Duration.ofMinutes(1));
  }

  @Test
  void blankIdsAreRejectedWithBackstagesMessage() {
    assertEquals(" is not a valid ID, expected non-empty string",
        assertThrows(InputError.class, () -> TaskSettings.validateId("")).getMessage());
    assertEquals("   is not a valid ID, expected non-empty string",
        assertThrows(InputError.class, () -> TaskSettings.validateId("  ")).getMessage());
    assertEquals("null is not a valid ID, expected non-empty string",
        assertThrows(InputError.class, () -> TaskSettings.validateId(null)).getMessage());
  }

  @Test
  void settingsHaveBackstagesV2Shape() {
    TaskSettings s = TaskSettings.of("catalog", "refresh", every(Duration.ofMinutes(5)).withInitialDelay(Duration.ofSeconds(10)));
    assertEquals(
        Map.of("version", 2, "cadence", "PT5M", "timeoutAfterDuration", "PT1M", "initialDelayDuration", "PT10S"),
        s.toMap());
    assertEquals("{\"version\":2,\"cadence\":\"PT5M\",\"timeoutAfterDuration\":\"PT1M\",\"initialDelayDuration\":\"PT10S\"}", s.toJson());
  }

  @Test
  void badSchedulesNameThePluginAndTask() {
    assertEquals("Task refresh of plugin catalog has an invalid frequency PT0S, expected a positive duration",
        assertThrows(InputError.class, () -> TaskSettings.of("catalog", "refresh", every(Duration.ZERO))).getMessage());
    assertEquals("Task refresh of plugin catalog has an invalid timeout PT-1S, expected a positive duration",
        assertThrows(InputError.class, () -> TaskSettings.of("catalog", "refresh",
            new SchedulerServiceTaskScheduleDefinition(SchedulerServiceTaskFrequency.manual(), Duration.ofSeconds(-1)))).getMessage());
    assertEquals("Task refresh of plugin catalog has an invalid cron expression 'every day': expected 5 fields, or 6 with seconds first, got 2",
        assertThrows(InputError.class, () -> TaskSettings.of("catalog", "refresh",
            new SchedulerServiceTaskScheduleDefinition(SchedulerServiceTaskFrequency.cron("every day"), Duration.ofSeconds(1)))).getMessage());
  }

  @Test
  void fiveFieldCronIsUnixStyleAndSixFieldCronHasSeconds() {
    Instant now = Instant.parse("2030-01-01T10:00:30Z");
    Cadence fiveFields = Cadence.of("t", SchedulerServiceTaskFrequency.cron("*/15 * * * *"));
    Instant next = fiveFields.nextAfter(now, now);
    assertEquals(0, next.getEpochSecond() % 60, "minute resolution");
    assertEquals(0, (next.getEpochSecond() / 60) % 15);
    Cadence sixFields = Cadence.of("t", SchedulerServiceTaskFrequency.cron("*/10 * * * * *"));
    assertEquals(Instant.parse("2030-01-01T10:00:40Z"), sixFields.nextAfter(now, now));
  }

  @Test
  void everyCountsFromTheDueTimeNotTheEndOfTheRun() {
    Cadence every = Cadence.of("t", SchedulerServiceTaskFrequency.every(Duration.ofMinutes(1)));
    Instant due = Instant.parse("2030-01-01T10:00:00Z");
    assertEquals(Instant.parse("2030-01-01T10:01:00Z"), every.nextAfter(due, due.plusSeconds(20)));
    // a run that outlasted its cadence: next is now, not in the past
    assertEquals(due.plusSeconds(90), every.nextAfter(due, due.plusSeconds(90)));
  }
}
