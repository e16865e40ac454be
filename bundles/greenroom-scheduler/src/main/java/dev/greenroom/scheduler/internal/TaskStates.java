package dev.greenroom.scheduler.internal;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code taskState} and {@code workerState} objects of the scheduler routes, in Backstage's
 * shapes ({@code TaskApiTasksResponse},
 * {@code packages/backend-defaults/src/entrypoints/scheduler/lib/types.ts}): {@code {status:
 * 'running', startedAt, timesOutAt?, lastRunError?, lastRunEndedAt?}} or {@code {status: 'idle',
 * startsAt?, lastRunError?, lastRunEndedAt?}}; {@code {status: 'initial-wait' | 'idle' |
 * 'running'}}. Times are ISO 8601 in UTC; absent values are left out, as JSON drops {@code
 * undefined}.
 */
final class TaskStates {
  private TaskStates() {}

  /** What a worker knows of the runs it did itself. */
  record LastRun(Instant endedAt, String error) {
    static final LastRun NONE = new LastRun(null, null);
  }

  static Map<String, Object> running(Instant startedAt, Instant timesOutAt, LastRun last) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("status", "running");
    state.put("startedAt", iso(startedAt));
    putIf(state, "timesOutAt", iso(timesOutAt));
    putLast(state, last);
    return state;
  }

  static Map<String, Object> idle(Instant startsAt, LastRun last) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("status", "idle");
    putIf(state, "startsAt", startsAt == null || startsAt.equals(Schedule.NEVER) ? null : iso(startsAt));
    putLast(state, last);
    return state;
  }

  static Map<String, Object> worker(String status) {
    return Map.of("status", status);
  }

  /** Upstream's {@code serializeError}: the error as a JSON object text. */
  static String serializeError(Throwable error) {
    String name = error instanceof TaskRun.Cancelled ? "Error" : error.getClass().getSimpleName();
    return "{\"name\":" + quote(name) + ",\"message\":" + quote(String.valueOf(error.getMessage())) + "}";
  }

  private static void putLast(Map<String, Object> state, LastRun last) {
    putIf(state, "lastRunError", last.error());
    putIf(state, "lastRunEndedAt", iso(last.endedAt()));
  }

  private static void putIf(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  static String iso(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
