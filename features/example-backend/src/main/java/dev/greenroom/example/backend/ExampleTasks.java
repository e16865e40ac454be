package dev.greenroom.example.backend;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import java.time.Duration;
import java.util.Map;

/**
 * The example's scheduled task {@code example-count}: logs how many examples are stored. Every 10
 * minutes unless {@code example.schedule} says otherwise (Backstage's schedule-from-config shape:
 * docs/scheduler.md); listed and triggered through {@code /api/example/.backstage/scheduler/v1/tasks}.
 */
final class ExampleTasks {
  static final String COUNT = "example-count";

  private ExampleTasks() {}

  static void schedule(SchedulerService scheduler, Config config, ExampleStore store, LoggerService logger) {
    SchedulerServiceTaskScheduleDefinition schedule = config.getOptionalConfig("example.schedule")
        .map(SchedulerServiceTaskScheduleDefinition::readSchedulerServiceTaskScheduleDefinitionFromConfig)
        .orElse(new SchedulerServiceTaskScheduleDefinition(
                SchedulerServiceTaskFrequency.every(Duration.ofMinutes(10)), Duration.ofMinutes(1))
            .withInitialDelay(Duration.ofMinutes(1)));
    scheduler.scheduleTask(COUNT, schedule, signal -> logger.info(
        "example-count: " + store.count() + " examples", Map.of("task", COUNT)));
  }
}
