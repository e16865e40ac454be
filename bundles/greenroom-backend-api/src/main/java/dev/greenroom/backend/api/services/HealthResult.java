package dev.greenroom.backend.api.services;

import java.util.Map;

/**
 * One answer of {@link RootHealthService}: an HTTP status and a JSON body. Backstage's {@code {
 * status: number; payload?: any }}.
 *
 * @param status the HTTP status code, such as 200 or 503
 * @param payload the JSON body (values are JSON-like: String, Number, Boolean, List, Map); a null
 *     payload becomes an empty map
 */
public record HealthResult(int status, Map<String, Object> payload) {
  public HealthResult {
    payload = payload == null ? Map.of() : Map.copyOf(payload);
  }
}
