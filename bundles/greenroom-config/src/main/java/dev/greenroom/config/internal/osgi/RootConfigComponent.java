package dev.greenroom.config.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.config.ConfigException;
import dev.greenroom.config.ConfigSchema;
import dev.greenroom.config.LiveRootConfig;
import dev.greenroom.config.PluginConfigCheck;
import dev.greenroom.config.RootConfigFactory;
import dev.greenroom.config.RootConfigOptions;
import dev.greenroom.config.internal.DefaultsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Registers the {@code core.rootConfig} factory (ranking 100, above the runtime's built-in loader)
 * as a BackendFeature service, and the plugin-scoped {@code greenroom.configSchemaCheck} that
 * fails a plugin whose config violates its bundle's schema. One live config per activation: loaded when the backend first asks
 * for it, reloaded when files, schemas or plugins change, closed on deactivation. Framework
 * properties: {@code greenroom.config.dir}, {@code greenroom.config} (as the runtime reads them),
 * {@code greenroom.config.watch} (default true), {@code greenroom.config.watch.interval} (ms, 1000).
 */
@Component(immediate = true)
public final class RootConfigComponent {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.greenroom.config");

  static final String CONFIG_DIR = "greenroom.config.dir";
  static final String CONFIG_FILES = "greenroom.config";
  static final String WATCH = "greenroom.config.watch";
  static final String WATCH_INTERVAL = "greenroom.config.watch.interval";

  private ContributionTracker tracker;
  private ServiceRegistration<BackendFeature> registration;
  private ServiceRegistration<BackendFeature> checkRegistration;
  private RootConfigOptions options;
  private LiveRootConfig live;
  private volatile ConfigurationAdmin configAdmin;
  /** Whether loads check the plugins' own schemas too: from the reload right after the first load on. */
  private volatile boolean pluginSchemasApply;

  @Activate
  void activate(BundleContext context) {
    tracker = new ContributionTracker(context);
    options = options(context, () -> tracker.schemas(pluginSchemasApply));
    tracker.onChange(this::contributionsChanged);
    tracker.open();
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 100);
    registration = context.registerService(BackendFeature.class, RootConfigFactory.create(this::config), props);
    checkRegistration = context.registerService(
        BackendFeature.class, PluginConfigCheck.factory(id -> PluginSchemaLookup.schemasOf(context, id)), props);
  }

  @Deactivate
  synchronized void deactivate() {
    checkRegistration.unregister();
    registration.unregister();
    tracker.close();
    if (live != null) {
      live.close();
      live = null;
    }
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  void bindConfigAdmin(ConfigurationAdmin admin) {
    this.configAdmin = admin;
    syncConfigAdmin();
  }

  void unbindConfigAdmin(ConfigurationAdmin admin) {
    if (this.configAdmin == admin) {
      this.configAdmin = null;
    }
  }

  private synchronized LiveRootConfig config() {
    if (live == null) {
      // The first load checks the core's schemas only, a reload right after it the plugins' own
      // too: a plugin's violation is then one failed reload (logged, the loaded config kept) and
      // that plugin's failed start (PluginConfigCheck), whether its bundle was tracked before the
      // first load or after it. Before, a schema bundle tracked first failed the root start, and
      // with it the whole backend (ConfigSchemaIT, flaky in CI; docs/config.md).
      live = LiveRootConfig.load(options);
      pluginSchemasApply = true;
      if (tracker.hasPluginSchemas()) {
        live.reload();
      }
      live.subscribe(this::syncConfigAdmin);
      syncConfigAdmin();
    }
    return live;
  }

  private void contributionsChanged() {
    LiveRootConfig current;
    synchronized (this) {
      current = live;
    }
    if (current != null && !current.reload()) {
      return;
    }
    syncConfigAdmin();
  }

  private void syncConfigAdmin() {
    ConfigurationAdmin admin = configAdmin;
    LiveRootConfig current = live;
    if (admin == null || current == null || tracker == null) {
      return;
    }
    try {
      ConfigAdminBridge.sync(admin, current.data(), tracker.pluginIds());
    } catch (Exception e) {
      LOG.error("Unable to publish plugin config to ConfigAdmin: {}", e.toString());
    }
  }

  static RootConfigOptions options(BundleContext context, Supplier<List<ConfigSchema>> schemas) {
    // core.rootLogger depends on core.rootConfig, so reload errors go to SLF4J (pax-logging)
    // directly; the message names the file and key (and the plugin, for a schema violation).
    RootConfigOptions.Builder b = sources(context).schemas(schemas)
        .onReloadError(e -> LOG.error("Config reload failed, keeping the previous config: {}", e.getMessage()));
    if (!"false".equalsIgnoreCase(context.getProperty(WATCH))) {
      b.watch(Duration.ofMillis(interval(context.getProperty(WATCH_INTERVAL))));
    }
    return b.build();
  }

  /**
   * Where the config is read from (framework properties {@value #CONFIG_DIR}, {@value #CONFIG_FILES},
   * the profile's defaults layer); no schemas, no watching.
   */
  static RootConfigOptions.Builder sources(BundleContext context) {
    String dir = context.getProperty(CONFIG_DIR);
    Path configDir = Path.of(dir == null || dir.isBlank() ? System.getProperty("user.dir", ".") : dir.trim());
    List<Path> files = new ArrayList<>();
    String list = context.getProperty(CONFIG_FILES);
    if (list != null) {
      for (String f : list.split(",")) {
        if (!f.isBlank()) {
          files.add(Path.of(f.trim()));
        }
      }
    }
    return RootConfigOptions.builder().configDir(configDir).files(files)
        .defaults(context.getProperty(DefaultsConfig.PROPERTY));
  }

  private static long interval(String value) {
    if (value == null || value.isBlank()) {
      return 1000;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("Framework property " + WATCH_INTERVAL + " must be a number of milliseconds, got '" + value + "'",
          null, null, e);
    }
  }
}
