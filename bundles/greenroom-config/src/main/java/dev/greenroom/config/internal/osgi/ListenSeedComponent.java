package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.LiveRootConfig;
import dev.greenroom.config.internal.PaxWebListen;
import dev.greenroom.http.internal.server.HttpsOptions;
import dev.greenroom.http.internal.server.PaxWebJettyXml;
import dev.greenroom.http.internal.server.PaxWebServer;
import dev.greenroom.http.internal.server.ServerLog;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.apache.felix.cm.PersistenceManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes Pax Web start its server where {@code backend.listen} says, the first time: writes PID
 * {@code org.ops4j.pax.web} (port and listening address from app-config and the {@code
 * APP_CONFIG_} overlay) into Felix ConfigAdmin's file persistence manager, then registers that
 * manager as {@value SeededPersistenceManager#NAME}. A launch with the framework property {@code
 * felix.cm.pm=greenroom} (cnf/run/base.bndrun) has ConfigAdmin wait for it (Felix ConfigAdmin's {@code
 * Activator}, apache/felix-dev configadmin), and Pax Web's runtime configures its server only when
 * ConfigAdmin first hands it that PID (pax-web-runtime's {@code Activator}, ops4j/org.ops4j.pax.web),
 * so the server never starts on another port and is never restarted at startup; a {@link
 * ListenKeysPlugin} keeps the two keys in the PID should a deployed {@code .cfg} replace it. Without {@code
 * felix.cm.pm} this component does nothing (ConfigAdmin then runs on the file manager itself), and
 * the HTTP bundle moves Pax Web when the backend starts (docs/http.md).
 *
 * <p>Config that cannot be read (a bad port, invalid YAML) turns Pax Web's HTTP connector off rather
 * than let it fall back to a port nobody configured; the backend's start then fails with the error
 * naming the file or key.
 */
@Component(immediate = true)
public final class ListenSeedComponent {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.greenroom.config");

  @Reference(target = "(" + PersistenceManager.PROPERTY_NAME + "=file)")
  private PersistenceManager file;

  /** Felix ConfigAdmin's framework property naming the persistence manager it waits for. */
  static final String FELIX_CM_PM = "felix.cm.pm";

  /** Pax Web's switch for its HTTP connector ({@code PaxWebConfig.PID_CFG_HTTP_ENABLED}). */
  static final String HTTP_ENABLED = "org.osgi.service.http.enabled";
  /** Marks {@link #HTTP_ENABLED} as written here, so a later start with readable config takes it back. */
  static final String OFF_MARKER = "greenroom.listen.unreadable";

  /** Where the seed writes the PKCS#12 key store Pax Web's secure connector reads (this bundle's data area). */
  static final String KEY_STORE = "https/keystore.p12";
  /** Where the seed writes the Jetty XML file Pax Web reads (its connectors' HTTP configuration). */
  static final String JETTY_XML = "paxweb/jetty.xml";
  private static final ServerLog SEED_LOG = new ServerLog() {
    @Override
    public void info(String message) {
      LOG.info(message);
    }

    @Override
    public void warn(String message) {
      LOG.warn(message);
    }
  };

  private ServiceRegistration<PersistenceManager> registration;
  private ServiceRegistration<ConfigurationPlugin> plugin;

  @Activate
  void activate(BundleContext context) {
    if (!SeededPersistenceManager.NAME.equals(context.getProperty(FELIX_CM_PM))) {
      // ConfigAdmin already runs on the file manager itself: writing under it would bypass its cache
      return;
    }
    Map<String, String> listen = seed(context);
    if (listen != null) {
      Hashtable<String, Object> pluginProps = new Hashtable<>();
      pluginProps.put(ConfigurationPlugin.CM_TARGET, new String[] {PaxWebListen.PID});
      plugin = context.registerService(ConfigurationPlugin.class, new ListenKeysPlugin(listen), pluginProps);
    }
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(PersistenceManager.PROPERTY_NAME, SeededPersistenceManager.NAME);
    props.put(Constants.SERVICE_DESCRIPTION, "Felix file persistence, with Pax Web's listen address from backend.listen");
    registration = context.registerService(PersistenceManager.class, new SeededPersistenceManager(file), props);
  }

  @Deactivate
  void deactivate() {
    if (registration != null) {
      registration.unregister();
    }
    if (plugin != null) {
      plugin.unregister();
    }
  }

  /** Stores the PID; returns the listen keys, or null when the config could not be read. */
  private Map<String, String> seed(BundleContext context) {
    Map<String, String> listen;
    try (LiveRootConfig config = LiveRootConfig.load(RootConfigComponent.sources(context).build())) {
      listen = PaxWebListen.properties(config);
      // https on the same port and the connector's idle timeout (docs/http.md), decided before Pax Web starts
      listen.putAll(PaxWebServer.properties(config, Integer.parseInt(listen.get(PaxWebListen.PORT)),
          context.getDataFile(KEY_STORE).toPath(), HttpsOptions.DEV_CERT_FILE, SEED_LOG));
    } catch (RuntimeException unreadable) {
      // the backend's start fails on the same config and names file and key; until then nothing listens
      LOG.debug("Pax Web's HTTP connector stays off: {}", unreadable.getMessage());
      try {
        disable(file);
      } catch (IOException e) {
        LOG.error("Unable to store Pax Web's configuration in ConfigAdmin: {}", e.toString());
      }
      return null;
    }
    try {
      // Jetty's URI compliance: ambiguous paths reach the dispatcher's path guard (JSON 400, security headers)
      listen.putAll(PaxWebJettyXml.properties(context.getDataFile(JETTY_XML).toPath()));
    } catch (IOException e) {
      LOG.warn("Unable to write {}: {}; Jetty refuses ambiguous request paths with its own error page",
          context.getDataFile(JETTY_XML), e.toString());
    }
    String frameworkPort = context.getProperty(PaxWebListen.PORT);
    if (frameworkPort != null && !frameworkPort.trim().equals(listen.get(PaxWebListen.PORT))) {
      // one port setting: the PID written here wins over Pax Web's framework property
      LOG.warn("Framework property {}={} is not used: Greenroom listens on backend.listen.port ({}); set that instead"
          + " (app-config or APP_CONFIG_backend_listen_port, docs/http.md)", PaxWebListen.PORT, frameworkPort.trim(),
          listen.get(PaxWebListen.PORT));
    }
    try {
      store(file, listen);
    } catch (IOException e) {
      LOG.error("Unable to store Pax Web's listen address {} in ConfigAdmin: {}", listen, e.toString());
    }
    return listen;
  }

  /** Merges {@code listen} into the stored PID (other keys kept), bound to any bundle like the HTTP bundle's own writes. */
  static void store(PersistenceManager file, Map<String, String> listen) throws IOException {
    Dictionary<String, Object> props = stored(file);
    if (props.get(OFF_MARKER) != null) { // a previous start's unreadable config (a kept framework storage)
      props.remove(OFF_MARKER);
      props.remove(HTTP_ENABLED);
    }
    for (String key : PaxWebServer.HTTPS_KEYS) { // a previous start's https (a kept framework storage)
      props.remove(key);
    }
    for (Map.Entry<String, String> e : listen.entrySet()) {
      props.put(e.getKey(), e.getValue());
    }
    file.store(PaxWebListen.PID, props);
  }

  /** Pax Web's HTTP connector off ({@code org.osgi.service.http.enabled=false}): no port is bound at all. */
  static void disable(PersistenceManager file) throws IOException {
    Dictionary<String, Object> props = stored(file);
    props.put(HTTP_ENABLED, "false");
    props.put(PaxWebServer.SECURE_ENABLED, "false");
    props.put(OFF_MARKER, "true");
    file.store(PaxWebListen.PID, props);
  }

  @SuppressWarnings("unchecked")
  private static Dictionary<String, Object> stored(PersistenceManager file) throws IOException {
    Dictionary<String, Object> props = file.exists(PaxWebListen.PID) ? file.load(PaxWebListen.PID) : null;
    if (props == null) {
      props = new Hashtable<>();
      props.put(Constants.SERVICE_PID, PaxWebListen.PID);
      props.put(ConfigurationAdmin.SERVICE_BUNDLELOCATION, "?");
    }
    return props;
  }
}
