package dev.greenroom.database;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.internal.DatabaseServiceFactory;
import dev.greenroom.database.status.DatabaseStatusService;
import java.util.function.Consumer;

/**
 * {@code core.database} for backends outside OSGi (in OSGi the bundle registers it itself):
 *
 * <pre>{@code
 * TestBackend.builder().defaultService(DatabaseServiceFactories.database()).add(myPlugin).start();
 * }</pre>
 */
public final class DatabaseServiceFactories {
  private DatabaseServiceFactories() {}

  /** One database per plugin from {@code backend.database} (embedded H2 under ./data/db by default). */
  public static ServiceFactory<DatabaseService> database() {
    return DatabaseServiceFactory.create();
  }

  /** As {@link #database()}; {@code onStart} receives the status of the backend's databases. */
  public static ServiceFactory<DatabaseService> database(Consumer<DatabaseStatusService> onStart) {
    return DatabaseServiceFactory.create(onStart::accept);
  }
}
