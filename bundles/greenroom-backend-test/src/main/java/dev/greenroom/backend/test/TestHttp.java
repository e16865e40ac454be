package dev.greenroom.backend.test;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * A supertest-like client for a {@link TestBackend}'s routes, served by Greenroom's real HTTP
 * stack (root router, plugin routers, credentials barrier, error bodies) on an embedded Jetty
 * listening on a free loopback port. Paths are from the server root: {@code /api/<pluginId>/...}.
 */
public final class TestHttp {
  private final HttpClient client;
  private final URI base;

  TestHttp(HttpClient client, URI base) {
    this.client = client;
    this.base = base;
  }

  public TestRequest get(String path) {
    return request("GET", path);
  }

  public TestRequest post(String path) {
    return request("POST", path);
  }

  public TestRequest put(String path) {
    return request("PUT", path);
  }

  public TestRequest patch(String path) {
    return request("PATCH", path);
  }

  public TestRequest delete(String path) {
    return request("DELETE", path);
  }

  /** Any method. */
  public TestRequest request(String method, String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("Path must start with '/': " + path);
    }
    return new TestRequest(client, base.resolve(path), method);
  }

  /** The server's root, e.g. {@code http://127.0.0.1:41234/}. */
  public URI baseUri() {
    return base;
  }
}
