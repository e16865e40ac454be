package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.HttpServices;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code core.discovery} from config, through the same factory the bundle registers. */
@Timeout(60)
class HostDiscoveryTest {
  private static void assertUrls(Map<String, Object> config, String pluginId, String internal, String external) {
    try (TestBackend backend =
        TestBackend.builder().config(config).defaultService(HttpServices.discovery()).start()) {
      DiscoveryService discovery = backend.service(CoreServices.DISCOVERY, pluginId);
      assertEquals(internal, discovery.getBaseUrl(pluginId), "internal URL of " + pluginId);
      assertEquals(external, discovery.getExternalBaseUrl(pluginId), "external URL of " + pluginId);
    }
  }

  private static Map<String, Object> listen(String host, int port) {
    return Map.of("backend", Map.of("listen", Map.of("host", host, "port", port)));
  }

  @Test
  void internalUrlFromTheListenHostAndPort() {
    assertUrls(listen("::", 7010), "catalog", "http://localhost:7010/api/catalog", "http://localhost:7010/api/catalog");
    assertUrls(listen("", 7011), "catalog", "http://localhost:7011/api/catalog", "http://localhost:7011/api/catalog");
    assertUrls(listen("0.0.0.0", 7012), "catalog",
        "http://127.0.0.1:7012/api/catalog", "http://127.0.0.1:7012/api/catalog");
    assertUrls(listen("10.1.2.3", 7013), "search", "http://10.1.2.3:7013/api/search", "http://10.1.2.3:7013/api/search");
    assertUrls(listen("::1", 7014), "search", "http://[::1]:7014/api/search", "http://[::1]:7014/api/search");
    // "host:port" string form, and Greenroom's loopback default
    assertUrls(Map.of("backend", Map.of("listen", ":7015")), "catalog",
        "http://127.0.0.1:7015/api/catalog", "http://127.0.0.1:7015/api/catalog");
    assertUrls(Map.of(), "catalog", "http://127.0.0.1:7007/api/catalog", "http://127.0.0.1:7007/api/catalog");
  }

  @Test
  void httpsConfigMakesTheInternalUrlHttps() {
    assertUrls(Map.of("backend", Map.of("listen", Map.of("host", "0.0.0.0", "port", 7443), "https", true)),
        "catalog", "https://127.0.0.1:7443/api/catalog", "https://127.0.0.1:7443/api/catalog");
  }

  @Test
  void externalUrlFromBackendBaseUrl() {
    Map<String, Object> config = Map.of("backend", Map.of(
        "listen", Map.of("host", "0.0.0.0", "port", 7007),
        "baseUrl", "https://backstage.example.com/"));
    assertUrls(config, "catalog", "http://127.0.0.1:7007/api/catalog", "https://backstage.example.com/api/catalog");
  }

  @Test
  void discoveryEndpointsOverrideWithStringAndObjectTargetsAndPluginIdTemplating() {
    Map<String, Object> config = Map.of(
        "backend", Map.of(
            "listen", Map.of("host", "0.0.0.0", "port", 7007),
            "baseUrl", "https://backstage.example.com"),
        "discovery", Map.of("endpoints", List.of(
            Map.of("target", "http://shared.internal:8080/api/{{pluginId}}", "plugins", List.of("catalog", "search")),
            Map.of(
                "target", Map.of(
                    "internal", "http://{{ pluginId }}.svc:9000/api/{{pluginId}}",
                    "external", "https://{{pluginId}}.example.com/api"),
                "plugins", List.of("scaffolder")),
            Map.of("target", Map.of("internal", "http://todo.svc/api/todo"), "plugins", List.of("todo")))));
    assertUrls(config, "catalog", "http://shared.internal:8080/api/catalog", "http://shared.internal:8080/api/catalog");
    assertUrls(config, "search", "http://shared.internal:8080/api/search", "http://shared.internal:8080/api/search");
    assertUrls(config, "scaffolder",
        "http://scaffolder.svc:9000/api/scaffolder", "https://scaffolder.example.com/api");
    // an object target without "external": the external URL stays the default one
    assertUrls(config, "todo", "http://todo.svc/api/todo", "https://backstage.example.com/api/todo");
    // a plugin no endpoint lists keeps the defaults
    assertUrls(config, "techdocs", "http://127.0.0.1:7007/api/techdocs", "https://backstage.example.com/api/techdocs");
  }
}
