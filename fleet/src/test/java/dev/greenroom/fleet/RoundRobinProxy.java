package dev.greenroom.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Two replicas behind one URL": a loopback reverse proxy that sends each request to the next replica in
 * turn (round robin over all requests, whoever sends them), as a load balancer without affinity does. Every
 * answer carries {@code x-fleet-replica: <name>}. {@link #pin} narrows the rotation for cases that must not
 * depend on which replica answers; {@link #pinAll} restores it. Bounded: 30 s per forwarded request.
 */
final class RoundRobinProxy implements AutoCloseable {
  /** A replica: its name and base URL ({@code http://127.0.0.1:<port>}). */
  record Backend(String name, String baseUrl) {}

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-authenticate", "http2-settings");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private final List<Backend> all;
  private volatile List<Backend> rotation;
  private final AtomicLong turn = new AtomicLong();
  private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

  static {
    // The JDK server writes an answer's headers and body separately: with Nagle's algorithm on, the client's
    // delayed ACK adds ~40 ms to every proxied call. Read once, when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  RoundRobinProxy(int port, List<Backend> backends) throws IOException {
    this.all = List.copyOf(backends);
    this.rotation = this.all;
    all.forEach(b -> served.put(b.name(), new AtomicLong()));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Only these replicas (by name) from now on. */
  void pin(String... names) {
    List<Backend> chosen = all.stream().filter(b -> List.of(names).contains(b.name())).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no replica named " + List.of(names));
    }
    rotation = chosen;
  }

  void pinAll() {
    rotation = all;
  }

  /** How many requests each replica got. */
  Map<String, Long> served() {
    Map<String, Long> out = new java.util.TreeMap<>();
    served.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<Backend> now = rotation;
      Backend backend = now.get((int) (turn.getAndIncrement() % now.size()));
      served.get(backend.name()).incrementAndGet();
      byte[] requestBody;
      try (InputStream in = exchange.getRequestBody()) {
        requestBody = in.readAllBytes();
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + exchange.getRequestURI()))
          .timeout(Duration.ofSeconds(30))
          .method(exchange.getRequestMethod(), requestBody.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(requestBody));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      request.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"));
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        byte[] body = ("{\"error\":{\"name\":\"BadGateway\",\"message\":\"" + backend.name() + ": " + e + "\"}}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-fleet-replica", backend.name());
        exchange.sendResponseHeaders(502, body.length);
        exchange.getResponseBody().write(body);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      exchange.getResponseHeaders().set("x-fleet-replica", backend.name());
      byte[] body = response.body();
      boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
