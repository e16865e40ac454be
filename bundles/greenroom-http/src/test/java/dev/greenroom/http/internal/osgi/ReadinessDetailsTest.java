package dev.greenroom.http.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.greenroom.database.status.DatabaseState;
import dev.greenroom.database.status.DatabaseStatus;
import dev.greenroom.database.status.DatabaseStatusService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessDetailsTest {
  private final List<DatabaseStatus> statuses = new ArrayList<>(List.of(
      new DatabaseStatus("example", DatabaseState.UNAVAILABLE, "postgres db.internal:5432/backstage_plugin_example",
          "Connection to db.internal:5432 refused", 3, Instant.EPOCH),
      new DatabaseStatus("catalog", DatabaseState.READY, "pg", null, 1, Instant.EPOCH),
      new DatabaseStatus("search", DatabaseState.CONNECTING, "pg", "", 1, Instant.EPOCH)));
  private final DatabaseStatusService service = new DatabaseStatusService() {
    @Override
    public List<DatabaseStatus> statuses() {
      return statuses;
    }

    @Override
    public Optional<DatabaseStatus> status(String pluginId) {
      return statuses.stream().filter(s -> s.pluginId().equals(pluginId)).findFirst();
    }
  };
  private final List<String> warnings = new ArrayList<>(); // "changed" lines
  private final List<String> infos = new ArrayList<>();
  private final ReadinessDetailLog log = new ReadinessDetailLog(warnings::add, infos::add);

  @Test
  void theAnonymousReadinessBodyHasPluginStatesOnly() {
    Map<String, String> states = new LinkedHashMap<>(Map.of("example", "starting", "catalog", "running"));
    Map<String, String> body = HttpServicesComponent.readinessStates(
        states, List.of(new DatabaseReadinessDetails(service)), log);
    assertEquals(Map.of("example", "starting", "catalog", "running"), body);
    assertFalse(body.toString().contains("db.internal"), body.toString());
    assertFalse(body.containsKey("search"), "a plugin the runtime does not list is not added by a detail");
  }

  @Test
  void anUnreachableDatabaseIsLoggedOncePerChange() {
    List<ReadinessDetails> sources = List.of(new DatabaseReadinessDetails(service));
    log.update(sources);
    log.update(sources);
    assertEquals(List.of(
        "Plugin 'example' is not ready: database unavailable: Connection to db.internal:5432 refused, attempt 3",
        "Plugin 'search' is not ready: database connecting, attempt 1"), warnings);
    statuses.set(0, new DatabaseStatus("example", DatabaseState.READY, "pg", null, 4, Instant.EPOCH));
    log.update(sources);
    assertEquals(2, warnings.size());
    assertEquals(List.of("Plugin 'example' is no longer reported as not ready (was: database unavailable: "
        + "Connection to db.internal:5432 refused, attempt 3)"), infos);
  }
}
