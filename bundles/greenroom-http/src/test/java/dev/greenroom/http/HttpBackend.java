package dev.greenroom.http;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import dev.greenroom.http.standalone.PluginPresence;
import dev.greenroom.http.standalone.PluginStarts;
import dev.greenroom.http.standalone.PluginStates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A TestBackend with the real HTTP services on an embedded Jetty (free port) and {@link TokenAuth}. */
final class HttpBackend {
  final EmbeddedJetty jetty;
  final TestBackend.Builder builder;
  private final HttpClient client = HttpClient.newHttpClient();

  HttpBackend(Map<String, Object> backendConfig) {
    this(backendConfig, new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
  }

  /** On {@code jetty} (e.g. a small thread pool), with {@code starts} as the runtime's plugin states. */
  HttpBackend(Map<String, Object> backendConfig, EmbeddedJetty jetty, PluginStarts starts) {
    this.jetty = jetty;
    Map<String, Object> backend = new HashMap<>(backendConfig);
    backend.putIfAbsent("listen", Map.of("host", "127.0.0.1", "port", 0));
    builder = TestBackend.builder().config(Map.of("backend", backend));
    for (ServiceFactory<?> f :
        HttpServices.factories(jetty, PluginStates.NONE, PluginPresence.ALWAYS, starts)) {
      builder.defaultService(f);
    }
    for (ServiceFactory<?> f : TokenAuth.factories()) {
      builder.defaultService(f);
    }
  }

  HttpBackend() {
    this(Map.of());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + jetty.port() + path);
  }

  /** Sends {@code rawPath} byte for byte (no client-side normalisation); returns the status line. */
  String rawGet(String rawPath) throws IOException {
    String response = rawResponse(rawPath);
    return response.substring(0, response.indexOf("\r\n"));
  }

  /** Sends {@code rawPath} byte for byte; returns the whole response (status line, headers, body). */
  String rawResponse(String rawPath) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", jetty.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
