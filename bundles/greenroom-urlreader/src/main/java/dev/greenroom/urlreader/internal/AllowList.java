package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.services.Config;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code backend.reading.allow}: which plain-HTTP hosts (with optional ports and path prefixes) the
 * fetch reader may read, as upstream's {@code FetchUrlReader.factory} reads it, plus Greenroom's
 * {@code path} entries for {@code file:} URLs (upstream has no file reader in the backend).
 *
 * <pre>
 * backend:
 *   reading:
 *     allow:
 *       - host: example.com            # exact host, default port of the scheme
 *       - host: '*.example.com'        # any subdomain
 *       - host: 127.0.0.1:8000-9000    # a port or a port range
 *         paths: [/docs/]              # optional path prefixes
 *       - path: /srv/templates         # file: URLs under this directory (Greenroom)
 * </pre>
 */
final class AllowList {
  private final List<Predicate<URI>> hosts;
  private final List<Path> directories;

  private AllowList(List<Predicate<URI>> hosts, List<Path> directories) {
    this.hosts = List.copyOf(hosts);
    this.directories = List.copyOf(directories);
  }

  static AllowList fromConfig(Config config) {
    List<Predicate<URI>> hosts = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    Optional<List<Config>> entries = config.getOptionalConfigArray("backend.reading.allow");
    List<Config> list = entries.orElse(List.of());
    for (int i = 0; i < list.size(); i++) {
      Config entry = list.get(i);
      String key = "backend.reading.allow[" + i + "]";
      Optional<String> path = entry.getOptionalString("path");
      if (path.isPresent()) {
        Path dir = Path.of(path.get());
        if (!dir.isAbsolute()) {
          throw new IllegalArgumentException(
              "Invalid config at " + key + ".path, '" + path.get() + "' is not an absolute path");
        }
        directories.add(dir.normalize());
        continue;
      }
      String host = entry.getOptionalString("host").orElseThrow(() -> new IllegalArgumentException(
          "Missing required config value at '" + key + ".host'"));
      hosts.add(hostPredicate(key, host, entry.getOptionalStringArray("paths").orElse(null)));
    }
    return new AllowList(hosts, directories);
  }

  /** Whether an http(s) URL is covered by a host entry. */
  boolean allowsHttp(URI url) {
    String scheme = url.getScheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && hosts.stream().anyMatch(p -> p.test(url));
  }

  List<Path> directories() {
    return directories;
  }

  private static Predicate<URI> hostPredicate(String key, String host, List<String> paths) {
    int colon = host.indexOf(':');
    String hostname = colon < 0 ? host : host.substring(0, colon);
    Predicate<URI> port = portPredicate(key, colon < 0 ? null : host.substring(colon + 1));
    Predicate<URI> path = paths == null
        ? url -> true
        : url -> {
          String target = Path.of("/").resolve(rawPath(url)).normalize().toString().replace('\\', '/');
          return paths.stream().anyMatch(target::startsWith);
        };
    if (hostname.startsWith("*.")) {
      String suffix = hostname.substring(1);
      return url -> url.getHost() != null && url.getHost().endsWith(suffix) && path.test(url) && port.test(url);
    }
    return url -> hostname.equalsIgnoreCase(url.getHost()) && path.test(url) && port.test(url);
  }

  private static String rawPath(URI url) {
    String p = url.getPath();
    return p == null || p.isEmpty() ? "/" : p.substring(p.startsWith("/") ? 1 : 0);
  }

  /** Upstream's parsePortPredicate: no port in the entry means the URL must not name one. */
  private static Predicate<URI> portPredicate(String key, String port) {
    if (port == null || port.isEmpty()) {
      return url -> url.getPort() < 0;
    }
    int[] range = portRange(key, port);
    return url -> {
      int p = url.getPort();
      if (p < 0) {
        p = "https".equalsIgnoreCase(url.getScheme()) ? 443 : "http".equalsIgnoreCase(url.getScheme()) ? 80 : -1;
      }
      return p >= range[0] && p <= range[1];
    };
  }

  private static int[] portRange(String key, String port) {
    try {
      if (port.contains("-")) {
        String[] parts = port.split("-");
        int start = parts.length == 2 ? Integer.parseInt(parts[0]) : 0;
        int end = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
        if (start <= 0 || end <= 0 || start > end) {
          throw new IllegalArgumentException(
              "Invalid config at " + key + ".host: Port range is not valid: [" + start + ", " + end + "]");
        }
        return new int[] {start, end};
      }
      int p = Integer.parseInt(port);
      return new int[] {p, p};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid config at " + key + ".host: Port range is not valid: " + port);
    }
  }
}
