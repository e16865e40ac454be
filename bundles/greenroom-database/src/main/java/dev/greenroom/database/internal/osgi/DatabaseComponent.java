package dev.greenroom.database.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomServices;
import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.database.internal.DatabaseServiceFactory;
import dev.greenroom.database.internal.MigrationHistories;
import dev.greenroom.database.internal.PoolMetrics;
import dev.greenroom.database.migrations.MigrationHistoryService;
import dev.greenroom.database.status.DatabaseStatusService;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Registers the {@code core.database} service factory as a {@code BackendFeature} (ranking 100,
 * above the runtime's defaults), the {@link DatabaseStatusService} that readiness reads, and the
 * {@link MigrationHistoryService} behind {@code greenroom:migrations}; reports the pools on the
 * metrics bundle's {@link RootMetricsService} while one is registered.
 */
@GreenroomServices({"core.database"})
@Component(service = {}, immediate = true)
public class DatabaseComponent {
  private final CurrentDatabaseStatus status = new CurrentDatabaseStatus();
  private final PoolMetrics poolMetrics = new PoolMetrics(status::openManagers);
  private ServiceRegistration<BackendFeature> factory;
  private ServiceRegistration<DatabaseStatusService> statusService;
  private ServiceRegistration<MigrationHistoryService> historyService;

  @Activate
  void activate(BundleContext context) {
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 100);
    factory = context.registerService(BackendFeature.class, DatabaseServiceFactory.create(status::set), props);
    statusService = context.registerService(DatabaseStatusService.class, status, null);
    historyService = context.registerService(MigrationHistoryService.class, new MigrationHistories(status::get), null);
  }

  /** The metrics bundle's registry, while it is there: the pools are reported on it (docs/metrics.md). */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  void bindMetrics(RootMetricsService metrics) {
    poolMetrics.bind(metrics);
  }

  void unbindMetrics(RootMetricsService metrics) {
    poolMetrics.unbind(metrics);
  }

  @Deactivate
  void deactivate() {
    poolMetrics.unbind();
    factory.unregister();
    statusService.unregister();
    historyService.unregister();
    // The backend normally closed them on root shutdown; this covers a backend that never got
    // there (stopped before root startup) and the bundle going away first.
    status.closeAll();
  }
}
