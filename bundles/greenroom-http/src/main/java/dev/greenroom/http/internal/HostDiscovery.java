package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DiscoveryService;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Backstage's {@code HostDiscovery}. Internal base: {@code http(s)://<host>:<port>/api}, where a
 * listen host of {@code ::} or empty becomes {@code localhost} and {@code 0.0.0.0} becomes {@code
 * 127.0.0.1}; external base: {@code <backend.baseUrl>/api} (the internal one when {@code
 * backend.baseUrl} is not set). {@code discovery.endpoints} entries {@code {target, plugins}}
 * override both; {@code target} is a URL or {@code {internal, external}}, with {@code
 * {{pluginId}}} replaced.
 */
public final class HostDiscovery implements DiscoveryService {
  private static final Pattern PLUGIN_ID = Pattern.compile("\\{\\{\\s*pluginId\\s*\\}\\}");

  private final String internalBase;
  private final String externalBase;
  private final List<Config> endpoints;

  private HostDiscovery(String internalBase, String externalBase, List<Config> endpoints) {
    this.internalBase = internalBase;
    this.externalBase = externalBase;
    this.endpoints = endpoints;
  }

  public static HostDiscovery fromConfig(Config config) {
    ListenOptions listen = ListenOptions.read(config);
    String host = listen.host();
    if (host.equals("::") || host.isEmpty()) {
      host = "localhost";
    } else if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String protocol = config.has("backend.https") ? "https" : "http";
    String internal = protocol + "://" + host + ":" + listen.port();
    String external = config.getOptionalString("backend.baseUrl").map(u -> u.replaceAll("/+$", "")).orElse(internal);
    List<Config> endpoints = config.getOptionalConfigArray("discovery.endpoints").orElse(List.of());
    return new HostDiscovery(internal + "/api", external + "/api", endpoints);
  }

  @Override
  public String getBaseUrl(String pluginId) {
    return target(pluginId, "internal").orElse(internalBase + "/" + pluginId);
  }

  @Override
  public String getExternalBaseUrl(String pluginId) {
    return target(pluginId, "external").orElse(externalBase + "/" + pluginId);
  }

  private Optional<String> target(String pluginId, String kind) {
    for (Config endpoint : endpoints) {
      if (!endpoint.getOptionalStringArray("plugins").orElse(List.of()).contains(pluginId)) {
        continue;
      }
      Object target = endpoint.getOptional("target").orElse(null);
      String url = target instanceof String s ? s : endpoint.getOptionalString("target." + kind).orElse(null);
      if (url != null) {
        return Optional.of(PLUGIN_ID.matcher(url).replaceAll(java.util.regex.Matcher.quoteReplacement(pluginId)));
      }
    }
    return Optional.empty();
  }
}
