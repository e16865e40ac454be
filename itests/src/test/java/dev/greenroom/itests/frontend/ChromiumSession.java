package dev.greenroom.itests.frontend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One headless Chromium kept open across pages, driven over the Chrome DevTools Protocol (a
 * WebSocket on loopback): it keeps its cookies between pages, follows real redirects and submits
 * real forms, so a sign-in is what a person's browser does. Navigate, click, read the DOM, take a
 * screenshot; close removes its profile folder.
 */
final class ChromiumSession implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 60;

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
  private final AtomicReference<CompletableFuture<Void>> load = new AtomicReference<>(new CompletableFuture<>());

  private ChromiumSession(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  static ChromiumSession start() throws Exception {
    Path profile = Files.createTempDirectory("gr-chromium-cdp-");
    Process process = new ProcessBuilder(List.of(
            HeadlessChromium.BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--remote-allow-origins=*",
            "--window-size=1280,900", "--hide-scrollbars", "--user-data-dir=" + profile, "about:blank"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
        if (System.nanoTime() > end || !process.isAlive()) {
          throw new AssertionError("Chromium did not open its DevTools port within " + TIMEOUT_SECONDS + " s");
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String wsUrl = null;
      for (Object target : (List<?>) MiniJson.parse(list)) {
        Map<?, ?> t = (Map<?, ?>) target;
        if ("page".equals(t.get("type"))) {
          wsUrl = (String) t.get("webSocketDebuggerUrl");
          break;
        }
      }
      if (wsUrl == null) {
        throw new AssertionError("Chromium has no page target: " + list);
      }
      ChromiumSession[] holder = new ChromiumSession[1];
      Listener listener = new Listener(holder);
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), listener).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      ChromiumSession session = new ChromiumSession(process, profile, socket);
      holder[0] = session;
      session.call("Page.enable", Map.of());
      return session;
    } catch (Exception | AssertionError e) {
      process.destroyForcibly().waitFor();
      deleteTree(profile);
      throw e;
    }
  }

  /** Loads {@code url} (following redirects) and waits for the final page's load event. */
  void navigate(String url) throws Exception {
    CompletableFuture<Void> loaded = expectLoad();
    call("Page.navigate", Map.of("url", url));
    loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Clicks the first element matching {@code selector} and waits for the page it leads to. */
  void clickAndWait(String selector) throws Exception {
    CompletableFuture<Void> loaded = expectLoad();
    Object found = evaluate("(function(){var e=document.querySelector(" + MiniJson.write(selector)
        + ");if(!e)return false;e.click();return true;})()");
    if (!Boolean.TRUE.equals(found)) {
      throw new AssertionError("No element '" + selector + "' on " + url() + ":\n" + dom());
    }
    loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  String dom() throws Exception {
    return (String) evaluate("document.documentElement.outerHTML");
  }

  String url() throws Exception {
    return (String) evaluate("location.href");
  }

  void screenshot(Path png) throws Exception {
    Files.createDirectories(png.getParent());
    Map<String, Object> result = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(png, Base64.getDecoder().decode((String) result.get("data")));
  }

  private Object evaluate(String expression) throws Exception {
    Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.get("exceptionDetails") != null) {
      throw new AssertionError("Script failed: " + result.get("exceptionDetails"));
    }
    return ((Map<?, ?>) result.get("result")).get("value");
  }

  private CompletableFuture<Void> expectLoad() {
    CompletableFuture<Void> next = new CompletableFuture<>();
    load.set(next);
    return next;
  }

  private Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    socket.sendText(MiniJson.write(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, Object> response = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (response.get("error") != null) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) response.getOrDefault("result", Map.of());
    return result;
  }

  private void onMessage(String text) {
    Map<String, Object> message = MiniJson.object(text);
    Object id = message.get("id");
    if (id instanceof Long l) {
      CompletableFuture<Map<String, Object>> f = pending.remove(l.intValue());
      if (f != null) {
        f.complete(message);
      }
    } else if ("Page.loadEventFired".equals(message.get("method"))) {
      load.get().complete(null);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.abort();
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      removeProfile();
    }
  }

  /**
   * Chromium's helper processes may still write into the profile for a moment after the browser
   * exits: retry, and leave a temp folder behind rather than fail a test over its cleanup.
   */
  private void removeProfile() throws InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        deleteTree(profile);
        return;
      } catch (IOException stillWritten) {
        Thread.sleep(100);
      }
    }
    System.err.println("ChromiumSession: could not remove " + profile);
  }

  private static final class Listener implements WebSocket.Listener {
    private final ChromiumSession[] session;
    private final StringBuilder partial = new StringBuilder();

    Listener(ChromiumSession[] session) {
      this.session = session;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (session[0] != null) {
          session[0].onMessage(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static Duration timeout() {
    return Duration.ofSeconds(TIMEOUT_SECONDS);
  }
}
