package dev.greenroom.database.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL connection as Backstage configures it: a {@code postgresql://} URL or an object
 * {@code {host, port, user, password, database, ...}}. Unknown object keys and URL query
 * parameters (e.g. {@code sslmode}) pass through to the JDBC driver as properties.
 *
 * @param database null when not configured
 */
record PgConnection(
    String host, int port, String user, String password, String database, Map<String, String> properties) {

  private static final java.util.Set<String> KNOWN_KEYS = java.util.Set.of("host", "port", "user", "password", "database");
  static final PgConnection DEFAULTS = new PgConnection("localhost", 5432, null, null, null, Map.of());

  PgConnection {
    properties = Map.copyOf(properties);
  }

  /** Reads {@code raw} (a String or Map from config) found at {@code key}. */
  static PgConnection parse(Object raw, String key) {
    if (raw == null) {
      return DEFAULTS;
    }
    if (raw instanceof String s) {
      return parseUrl(s, key);
    }
    if (raw instanceof Map<?, ?> map) {
      return parseObject(map, key);
    }
    throw new IllegalArgumentException(
        "Invalid database connection at config key '" + key + "': expected a connection string or an object with host, port, user, password, database");
  }

  /** The keys set in {@code rawOverride} override this one's (Backstage's per-plugin merge). */
  PgConnection overriddenBy(Map<?, ?> rawOverride, String key) {
    PgConnection o = parseObject(rawOverride, key);
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.putAll(o.properties);
    return new PgConnection(
        rawOverride.containsKey("host") ? o.host : host,
        rawOverride.containsKey("port") ? o.port : port,
        rawOverride.containsKey("user") ? o.user : user,
        rawOverride.containsKey("password") ? o.password : password,
        rawOverride.containsKey("database") ? o.database : database,
        props);
  }

  PgConnection withDatabase(String name) {
    return new PgConnection(host, port, user, password, name, properties);
  }

  PgConnection withoutDatabase() {
    return withDatabase(null);
  }

  /** JDBC URL of {@code databaseName} on this server. */
  String jdbcUrl(String databaseName) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + h + ":" + port + "/" + (databaseName == null ? "" : databaseName);
  }

  /** Host, port and database, never credentials: safe for logs and status. */
  String describe(String databaseName) {
    return "pg:" + host + ":" + port + "/" + (databaseName == null ? "" : databaseName);
  }

  private static PgConnection parseUrl(String value, String key) {
    String s = value.startsWith("jdbc:") ? value.substring(5) : value;
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      // the input may hold a password: report only where it broke
      throw invalidUrl(key, "not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw invalidUrl(key, "the scheme must be postgresql://");
    }
    if (uri.getHost() == null) {
      throw invalidUrl(key, "it names no host");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    Map<String, String> props = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        props.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return new PgConnection(
        uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password,
        path.isEmpty() ? null : decode(path), props);
  }

  private static PgConnection parseObject(Map<?, ?> map, String key) {
    Map<String, String> props = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String k = String.valueOf(e.getKey());
      if (!KNOWN_KEYS.contains(k)
          && e.getValue() != null && !(e.getValue() instanceof Map) && !(e.getValue() instanceof Iterable)) {
        props.put(k, String.valueOf(e.getValue()));
      }
    }
    return new PgConnection(
        string(map, "host", key).orElse(DEFAULTS.host),
        port(map.get("port"), key + ".port"),
        string(map, "user", key).orElse(null),
        string(map, "password", key).orElse(null),
        string(map, "database", key).orElse(null),
        props);
  }

  private static Optional<String> string(Map<?, ?> map, String field, String key) {
    Object v = map.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return Optional.of(s);
    }
    if (v instanceof Number && "password".equals(field)) {
      return Optional.of(String.valueOf(v));
    }
    throw new IllegalArgumentException(
        "Invalid database connection at config key '" + key + "." + field + "': expected a string");
  }

  private static int port(Object v, String key) {
    if (v == null) {
      return DEFAULTS.port;
    }
    try {
      int p = v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).trim());
      if (p > 0 && p < 65536) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below with the key
    }
    throw new IllegalArgumentException(
        "Invalid database port '" + v + "' at config key '" + key + "': expected a number from 1 to 65535");
  }

  private static IllegalArgumentException invalidUrl(String key, String why) {
    return new IllegalArgumentException(
        "Invalid database connection string at config key '" + key + "': " + why);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // never print the password
    return describe(database);
  }
}
