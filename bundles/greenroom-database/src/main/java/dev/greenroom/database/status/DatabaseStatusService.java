package dev.greenroom.database.status;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only view of every plugin's database, registered as an OSGi service by the database
 * bundle. A readiness endpoint reports a plugin whose database is {@link
 * DatabaseState#UNAVAILABLE} as not ready, with {@link DatabaseStatus#reason()}.
 */
@ProviderType
public interface DatabaseStatusService {
  /** Every plugin that has a database service, sorted by plugin id. */
  List<DatabaseStatus> statuses();

  Optional<DatabaseStatus> status(String pluginId);

  /** How many plugins have an open pool; plugins that never called {@code getClient()} have none. */
  default long openPools() {
    return statuses().stream().filter(s -> s.state() == DatabaseState.READY).count();
  }
}
