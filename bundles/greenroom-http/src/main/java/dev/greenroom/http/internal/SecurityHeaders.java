package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Backstage's helmet middleware, first in the chain: the headers of helmet 6 with the options
 * Backstage passes (cross-origin embedder/opener/resource policies and origin-agent-cluster off),
 * and a {@code Content-Security-Policy} built from helmet's default directives, {@code script-src
 * 'self' 'unsafe-eval'}, no {@code form-action}, then {@code backend.csp}: each key (camelCase or
 * kebab-case) a list of sources replacing that directive, or {@code false} removing it.
 *
 * <p>The header values are computed once per router; a request only appends them.
 */
public final class SecurityHeaders {
  public static final String CONFIG_KEY = "backend.csp";
  private static final Pattern DIRECTIVE_NAME = Pattern.compile("[a-z-]+");

  private final String[] names;
  private final String[] values;

  private SecurityHeaders(Map<String, String> headers) {
    this.names = headers.keySet().toArray(String[]::new);
    this.values = headers.values().toArray(String[]::new);
  }

  public static SecurityHeaders read(Config config) {
    Map<String, List<String>> directives = defaultDirectives();
    config.getOptionalConfig(CONFIG_KEY).ifPresent(csp -> {
      for (String key : csp.keys()) {
        String name = kebabCase(key);
        Optional<Object> value = csp.getOptional(key);
        if (value.isPresent() && Boolean.FALSE.equals(value.get())) {
          directives.remove(name);
        } else {
          directives.put(name, csp.getStringArray(key));
        }
      }
    });
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", contentSecurityPolicy(directives));
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Strict-Transport-Security", "max-age=15552000; includeSubDomains");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-DNS-Prefetch-Control", "off");
    headers.put("X-Download-Options", "noopen");
    headers.put("X-Frame-Options", "SAMEORIGIN");
    headers.put("X-Permitted-Cross-Domain-Policies", "none");
    headers.put("X-XSS-Protection", "0");
    return new SecurityHeaders(headers);
  }

  /** Adds the headers (the response is fresh: nothing to replace, so no lookups). */
  public void apply(HttpServletResponse response) {
    for (int i = 0; i < names.length; i++) {
      response.addHeader(names[i], values[i]);
    }
  }

  Map<String, String> headers() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], values[i]);
    }
    return out;
  }

  /** helmet 6's default directives as Backstage adjusts them, in helmet's order. */
  private static Map<String, List<String>> defaultDirectives() {
    Map<String, List<String>> d = new LinkedHashMap<>();
    d.put("default-src", List.of("'self'"));
    d.put("base-uri", List.of("'self'"));
    d.put("font-src", List.of("'self'", "https:", "data:"));
    d.put("frame-ancestors", List.of("'self'"));
    d.put("img-src", List.of("'self'", "data:"));
    d.put("object-src", List.of("'none'"));
    d.put("script-src", List.of("'self'", "'unsafe-eval'"));
    d.put("script-src-attr", List.of("'none'"));
    d.put("style-src", List.of("'self'", "https:", "'unsafe-inline'"));
    d.put("upgrade-insecure-requests", List.of());
    return d;
  }

  static String contentSecurityPolicy(Map<String, List<String>> directives) {
    if (!directives.containsKey("default-src")) {
      throw new IllegalArgumentException(
          "Invalid config value at '" + CONFIG_KEY + "': the Content-Security-Policy needs a default-src");
    }
    StringBuilder out = new StringBuilder();
    directives.forEach((name, sources) -> {
      if (!DIRECTIVE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Content-Security-Policy received an invalid directive name \"" + name + "\" (" + CONFIG_KEY + ")");
      }
      for (String source : sources) {
        if (source.contains(";") || source.contains(",")) {
          throw new IllegalArgumentException(
              "Content-Security-Policy received an invalid directive value for \"" + name + "\" (" + CONFIG_KEY + ")");
        }
      }
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(name);
      sources.forEach(s -> out.append(' ').append(s));
    });
    return out.toString();
  }

  /** lodash's kebabCase for config keys: {@code connectSrc} and {@code connect-src} alike. */
  static String kebabCase(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_' || c == ' ') {
        c = '-';
      }
      if (Character.isUpperCase(c) && i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
