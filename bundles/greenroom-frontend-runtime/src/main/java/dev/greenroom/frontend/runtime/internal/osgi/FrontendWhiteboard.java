package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.runtime.internal.LiveFrontendApp;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The frontend whiteboard: every {@link FrontendPlugin} and {@link FrontendModule} registered as an
 * OSGi service becomes part of the app; when one comes or goes the app is rebuilt and swapped in.
 * Immediate, so the tree follows bundles even before the first request or shell command.
 */
@Component(service = FrontendWhiteboard.class, immediate = true)
public class FrontendWhiteboard {
  private final LiveFrontendApp live = new LiveFrontendApp();

  public LiveFrontendApp live() {
    return live;
  }

  @Reference(
      service = FrontendPlugin.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addPlugin(FrontendPlugin plugin, Map<String, Object> properties) {
    live.add(serviceId(properties), plugin);
  }

  void removePlugin(FrontendPlugin plugin, Map<String, Object> properties) {
    live.remove(serviceId(properties));
  }

  @Reference(
      service = FrontendModule.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addModule(FrontendModule module, Map<String, Object> properties) {
    live.add(serviceId(properties), module);
  }

  void removeModule(FrontendModule module, Map<String, Object> properties) {
    live.remove(serviceId(properties));
  }

  private static long serviceId(Map<String, Object> properties) {
    return (Long) properties.get(Constants.SERVICE_ID);
  }
}
