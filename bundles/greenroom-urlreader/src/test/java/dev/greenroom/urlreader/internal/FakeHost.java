package dev.greenroom.urlreader.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A loopback HTTP server standing in for GitHub, GitLab or a plain host: nothing leaves the machine. */
final class FakeHost implements AutoCloseable {
  /** One canned answer. */
  record Answer(int status, Map<String, String> headers, byte[] body) {}

  /** What the server was asked: path with query, and request headers (lower-case names). */
  record Seen(String pathAndQuery, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  FakeHost() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String base() {
    return "http://" + authority();
  }

  FakeHost on(String pathAndQuery, int status, Map<String, String> headers, byte[] body) {
    answers.put(pathAndQuery, new Answer(status, headers, body));
    return this;
  }

  FakeHost on(String pathAndQuery, String body) {
    return on(pathAndQuery, 200, Map.of(), body.getBytes());
  }

  private void handle(HttpExchange ex) throws IOException {
    String key = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    Map<String, String> headers = new java.util.HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    seen.add(new Seen(key, headers));
    Answer a = answers.get(key);
    if (a == null) {
      a = new Answer(404, Map.of(), "{\"message\":\"Not Found\"}".getBytes());
    }
    String inm = headers.get("if-none-match");
    if (inm != null && inm.equals(a.headers().get("ETag"))) {
      a = new Answer(304, Map.of(), new byte[0]);
    }
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
    if (a.body().length > 0) {
      ex.getResponseBody().write(a.body());
    }
    ex.close();
  }

  /** A zip with the given entries (name → content; a null content makes a directory entry). */
  static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        if (e.getValue() != null) {
          z.write(e.getValue().getBytes());
        }
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
