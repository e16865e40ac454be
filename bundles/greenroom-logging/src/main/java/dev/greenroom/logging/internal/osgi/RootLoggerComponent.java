package dev.greenroom.logging.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomServices;
import dev.greenroom.logging.internal.Log4j2Properties;
import dev.greenroom.logging.internal.LogSettings;
import dev.greenroom.logging.internal.MetaInMdc;
import dev.greenroom.logging.internal.RootLoggerFactory;
import dev.greenroom.logging.internal.auditor.AuditorServiceFactory;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Configures pax-logging from the environment (unless a user configured it) and registers the
 * {@code core.rootLogger} factory as a {@link BackendFeature} service, ranking 100 so it replaces
 * the runtime's built-in console logger, and the {@code core.auditor} factory (audit events go
 * through the plugin's logger).
 */
@GreenroomServices({"core.rootLogger", "core.auditor"})
@Component(immediate = true)
public final class RootLoggerComponent {
  private final BundleContext context;
  private final ConfigurationAdmin configAdmin;
  private final LogSettings settings;
  private org.slf4j.event.Level threshold;
  private final MetaInMdc metaInMdc;
  private final ServiceRegistration<ConfigurationListener> layoutListener;
  private final Thread registrar;
  private ServiceRegistration<BackendFeature> registration;
  private ServiceRegistration<BackendFeature> auditor;
  private boolean deactivated;

  /**
   * Never blocks the activating thread: it is the launcher's, which would then not start
   * pax-logging-log4j2 (the bundle that must apply the configuration) until this returns. The
   * factory registers on its own thread once the configuration applies (at most 5 s); the runtime
   * waits for it before starting root services.
   */
  @Activate
  public RootLoggerComponent(BundleContext context, @Reference ConfigurationAdmin configAdmin)
      throws IOException {
    this.context = context;
    this.configAdmin = configAdmin;
    this.settings = LogSettings.fromEnv(System.getenv());
    this.threshold = settings.level();
    boolean ownLayout = configurePaxLogging(configAdmin, settings);
    this.metaInMdc = new MetaInMdc(settings.format(), ownLayout);
    this.layoutListener = context.registerService(ConfigurationListener.class, event -> {
      if (Log4j2Properties.PID.equals(event.getPid())) {
        metaInMdc.layoutChanged(isGreenroomsLayout(configAdmin));
      }
    }, null);
    if (ownLayout) {
      registrar = new Thread(() -> {
        awaitConfigured();
        register();
      }, "greenroom-logging-configure");
      registrar.setDaemon(true);
      registrar.start();
    } else {
      registrar = null;
      register();
    }
  }

  private synchronized void register() {
    if (deactivated) {
      return;
    }
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 100);
    registration = context.registerService(
        BackendFeature.class, RootLoggerFactory.create(settings, metaInMdc, this::lowerThreshold), props);
    Dictionary<String, Object> auditorProps = new Hashtable<>();
    auditorProps.put(Constants.SERVICE_RANKING, 100);
    auditorProps.put("greenroom.service.id", "core.auditor");
    auditor = context.registerService(BackendFeature.class, AuditorServiceFactory.create(), auditorProps);
  }

  /**
   * {@code backend.logger} asks for lines below the environment's level (its own level, or an
   * override): lower the root of Greenroom's pax-logging configuration so they reach Greenroom's
   * loggers, which filter themselves. Never raised again while the bundle runs; a configuration the
   * user wrote is left alone.
   */
  private synchronized void lowerThreshold(org.slf4j.event.Level floor) {
    if (deactivated || floor.toInt() >= threshold.toInt()) {
      return;
    }
    threshold = floor;
    try {
      Configuration config = configAdmin.getConfiguration(Log4j2Properties.PID, "?");
      Dictionary<String, Object> current = config.getProperties();
      if (current == null || current.get(Log4j2Properties.MARKER) == null) {
        return;
      }
      Dictionary<String, Object> props = new Hashtable<>();
      Log4j2Properties.of(settings, floor).forEach(props::put);
      config.update(props);
    } catch (IOException | IllegalStateException e) {
      // ConfigAdmin is going away with the framework: the lines stay at the environment's level
    }
  }

  /**
   * Writes Greenroom's log4j2 properties to pid {@code org.ops4j.pax.logging}, unless that pid
   * already holds a configuration Greenroom did not write (a user's {@code .cfg}, say).
   */
  static boolean configurePaxLogging(ConfigurationAdmin configAdmin, LogSettings settings)
      throws IOException {
    // "?" binds to whichever bundle serves the pid: pax-logging-log4j2's ManagedService.
    Configuration config = configAdmin.getConfiguration(Log4j2Properties.PID, "?");
    Dictionary<String, Object> current = config.getProperties();
    if (current != null && current.get(Log4j2Properties.MARKER) == null) {
      return false;
    }
    Dictionary<String, Object> props = new Hashtable<>();
    Log4j2Properties.of(settings).forEach(props::put);
    config.update(props);
    return true;
  }

  /** Whether pax-logging's pid holds Greenroom's generated configuration (read without creating it). */
  static boolean isGreenroomsLayout(ConfigurationAdmin configAdmin) {
    try {
      Configuration[] found = configAdmin.listConfigurations(
          "(" + Constants.SERVICE_PID + "=" + Log4j2Properties.PID + ")");
      Dictionary<String, Object> props = found == null || found.length == 0 ? null : found[0].getProperties();
      return props != null && props.get(Log4j2Properties.MARKER) != null;
    } catch (IOException | InvalidSyntaxException e) {
      return false; // unknown: keep the meta in the MDC, which every layout can cope with
    }
  }

  /**
   * ConfigAdmin hands the configuration to pax-logging on another thread. Registering the factory
   * only once it applies keeps the backend's first lines (plugin initialization) from going out
   * in pax-logging's default format, or not at all. Bounded: after 5 s the factory registers
   * anyway.
   */
  private static void awaitConfigured() {
    org.slf4j.Logger probe = org.slf4j.LoggerFactory.getLogger(Log4j2Properties.PROBE);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!probe.isTraceEnabled() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Deactivate
  void deactivate() {
    try {
      layoutListener.unregister();
    } catch (IllegalStateException alreadyGone) {
      // withdrawn with the bundle
    }
    if (registrar != null) {
      registrar.interrupt();
    }
    synchronized (this) {
      deactivated = true;
      if (registration != null) {
        try {
          registration.unregister();
        } catch (IllegalStateException alreadyGone) {
          // withdrawn with the bundle
        }
        registration = null;
      }
      if (auditor != null) {
        try {
          auditor.unregister();
        } catch (IllegalStateException alreadyGone) {
          // withdrawn with the bundle
        }
        auditor = null;
      }
    }
  }
}
