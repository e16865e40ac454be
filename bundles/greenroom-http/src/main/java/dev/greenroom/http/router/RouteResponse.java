package dev.greenroom.http.router;

/**
 * An answer with an explicit status: {@code body} is written as JSON (none when null).
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for none
 */
public record RouteResponse(int status, Object body) {
  public static RouteResponse of(int status, Object body) {
    return new RouteResponse(status, body);
  }

  public static RouteResponse created(Object body) {
    return new RouteResponse(201, body);
  }

  public static RouteResponse noContent() {
    return new RouteResponse(204, null);
  }
}
