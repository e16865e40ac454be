package dev.greenroom.config.internal.osgi;

import dev.greenroom.config.internal.PaxWebListen;
import java.util.Dictionary;
import java.util.Map;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Puts {@code backend.listen}'s port and address back into Pax Web's configuration when it is
 * delivered without them: a {@code deploy/org.ops4j.pax.web.cfg} (FileInstall replaces the whole
 * PID) that only sets, say, {@code org.ops4j.pax.web.server.maxThreads} would otherwise move the
 * server to Pax Web's default port. Keys the PID does name are left as they are.
 */
final class ListenKeysPlugin implements ConfigurationPlugin {
  private final Map<String, String> listen;

  ListenKeysPlugin(Map<String, String> listen) {
    this.listen = Map.copyOf(listen);
  }

  @Override
  public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
    if (!PaxWebListen.PID.equals(properties.get(org.osgi.framework.Constants.SERVICE_PID))) {
      return;
    }
    for (Map.Entry<String, String> e : listen.entrySet()) {
      if (properties.get(e.getKey()) == null) {
        properties.put(e.getKey(), e.getValue());
      }
    }
  }
}
