package dev.greenroom.http.internal.osgi;

import dev.greenroom.database.status.DatabaseStatus;
import dev.greenroom.database.status.DatabaseStatusService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The database bundle's per-plugin status as readiness detail: a plugin waiting for an unreachable
 * database shows why. Satisfied only when the database bundle runs (its package is an optional
 * import, and SCR loads this class only once the reference is satisfied).
 */
@Component(service = ReadinessDetails.class)
public final class DatabaseReadinessDetails implements ReadinessDetails {
  private final DatabaseStatusService databases;

  @Activate
  public DatabaseReadinessDetails(@Reference DatabaseStatusService databases) {
    this.databases = databases;
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> out = new LinkedHashMap<>();
    for (DatabaseStatus s : databases.statuses()) {
      switch (s.state()) {
        case CONNECTING, UNAVAILABLE, FAILED -> out.put(s.pluginId(), "database " + s.state().name().toLowerCase(Locale.ROOT)
            + (s.reason() == null || s.reason().isBlank() ? "" : ": " + s.reason()) + ", attempt " + s.attempts());
        default -> { }
      }
    }
    return out;
  }
}
