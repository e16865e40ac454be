package dev.greenroom.http.router;

/**
 * Handles one matched route. The return value is the JSON body of a 200 answer; return a {@link
 * RouteResponse} for another status, or null for 204. Throw a Backstage error ({@code
 * NotFoundError}, {@code InputError}, ...) to answer with its status and Backstage's error body.
 */
@FunctionalInterface
public interface RouteHandler {
  Object handle(RouteRequest request) throws Exception;
}
