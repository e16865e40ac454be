package dev.greenroom.auth;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.DiscoveryService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process discovery for tests: explicit base URLs per plugin, else an address where nothing
 * listens (port 9 on loopback refuses at once), so an unexpected remote lookup fails fast.
 */
final class TestDiscovery implements DiscoveryService {
  private final Map<String, String> baseUrls = new ConcurrentHashMap<>();
  private final String externalBase;

  TestDiscovery(String externalBase) {
    this.externalBase = externalBase;
  }

  TestDiscovery() {
    this("http://localhost:7007");
  }

  TestDiscovery route(String pluginId, String baseUrl) {
    baseUrls.put(pluginId, baseUrl);
    return this;
  }

  @Override
  public String getBaseUrl(String pluginId) {
    return baseUrls.getOrDefault(pluginId, "http://127.0.0.1:9/api/" + pluginId);
  }

  @Override
  public String getExternalBaseUrl(String pluginId) {
    return externalBase + "/api/" + pluginId;
  }

  ServiceFactory<DiscoveryService> factory() {
    return ServiceFactory.ofInstance(CoreServices.DISCOVERY, this);
  }
}
