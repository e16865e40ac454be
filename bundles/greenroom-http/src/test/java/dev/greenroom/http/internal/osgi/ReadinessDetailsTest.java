package dev.greenroom.http.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.database.status.DatabaseState;
import dev.greenroom.database.status.DatabaseStatus;
import dev.greenroom.database.status.DatabaseStatusService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessDetailsTest {
  @Test
  void anUnreachableDatabaseExplainsAStartingPlugin() {
    List<DatabaseStatus> statuses = List.of(
        new DatabaseStatus("example", DatabaseState.UNAVAILABLE, "pg", "Connection refused", 3, Instant.EPOCH),
        new DatabaseStatus("catalog", DatabaseState.READY, "pg", null, 1, Instant.EPOCH),
        new DatabaseStatus("search", DatabaseState.CONNECTING, "pg", "", 1, Instant.EPOCH));
    DatabaseStatusService service = new DatabaseStatusService() {
      @Override
      public List<DatabaseStatus> statuses() {
        return statuses;
      }

      @Override
      public Optional<DatabaseStatus> status(String pluginId) {
        return statuses.stream().filter(s -> s.pluginId().equals(pluginId)).findFirst();
      }
    };
    Map<String, String> states = new LinkedHashMap<>(Map.of("example", "starting", "catalog", "running"));
    ReadinessDetails.addTo(states, new DatabaseReadinessDetails(service).details());
    assertEquals(Map.of(
        "example", "starting (database unavailable: Connection refused, attempt 3)",
        "catalog", "running",
        "search", "database connecting, attempt 1"), states);
  }
}
