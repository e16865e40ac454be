package dev.greenroom.logging.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomServices;
import dev.greenroom.logging.internal.Log4j2Properties;
import dev.greenroom.logging.internal.LogSettings;
import dev.greenroom.logging.internal.RootLoggerFactory;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Configures pax-logging from the environment (unless a user configured it) and registers the
 * {@code core.rootLogger} factory as a {@link BackendFeature} service, ranking 100 so it replaces
 * the runtime's built-in console logger.
 */
@GreenroomServices({"core.rootLogger"})
@Component(immediate = true)
public final class RootLoggerComponent {
  private final ServiceRegistration<BackendFeature> registration;

  @Activate
  public RootLoggerComponent(BundleContext context, @Reference ConfigurationAdmin configAdmin)
      throws IOException {
    LogSettings settings = LogSettings.fromEnv(System.getenv());
    configurePaxLogging(configAdmin, settings);
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 100);
    registration = context.registerService(
        BackendFeature.class, RootLoggerFactory.create(settings), props);
  }

  /**
   * Writes Greenroom's log4j2 properties to pid {@code org.ops4j.pax.logging}, unless that pid
   * already holds a configuration Greenroom did not write (a user's {@code .cfg}, say).
   */
  static void configurePaxLogging(ConfigurationAdmin configAdmin, LogSettings settings)
      throws IOException {
    // "?" binds to whichever bundle serves the pid: pax-logging-log4j2's ManagedService.
    Configuration config = configAdmin.getConfiguration(Log4j2Properties.PID, "?");
    Dictionary<String, Object> current = config.getProperties();
    if (current != null && current.get(Log4j2Properties.MARKER) == null) {
      return;
    }
    Dictionary<String, Object> props = new Hashtable<>();
    Log4j2Properties.of(settings).forEach(props::put);
    config.update(props);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
