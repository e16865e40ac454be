package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * The design card under churn, on FileInstall: a plugin and its validator module dropped in
 * together initialise once, with the module; then the module is replaced 20 times while a client
 * keeps posting items the validator rejects. No request may be served by the plugin without its
 * validator (0 accepted), none may fail (0 5xx), and each replacement restarts the plugin exactly
 * once (21 inits in all).
 */
public class ModuleSwapIT extends LiveSupport {
  private static final int SWAPS = 20;

  @Test
  public void aValidatorModuleReplacedTwentyTimesNeverLetsABlankItemThrough() throws Exception {
    Path validator = fixtureJar("todo-validator");
    // module first, then the plugin, in one go: FileInstall installs both in one scan, and the
    // plugin must not initialise before the module declared by the installed bundle registered
    deployAs(validator, "todo-validator.jar");
    deployAs(fixtureJar("todo-plugin"), "todo-plugin.jar");
    awaitPlugin("todo", "RUNNING with not-blank", p -> p.state() == FeatureState.RUNNING
        && p.modules().stream().anyMatch(m -> m.moduleId().equals("not-blank") && m.state() == FeatureState.RUNNING));
    assertEquals("{\"inits\":1,\"validators\":1,\"validatorsAtFirstInit\":1}", sortedStats());

    try (Poster poster = new Poster()) {
      for (int i = 1; i <= SWAPS; i++) {
        long before = runtime().plugin("todo").orElseThrow().startedAt();
        Path next = rebuild(validator, "1.0." + i, Map.of("swap.txt", "swap " + i),
            workDir().resolve("todo-validator-" + i + ".jar"));
        deployAs(next, "todo-validator.jar");
        int swap = i;
        PluginDTO after = awaitPlugin("todo", "restarted for swap " + swap, p -> p.state() == FeatureState.RUNNING
            && p.startedAt() != before && p.modules().stream().anyMatch(m -> m.moduleId().equals("not-blank")
                && m.state() == FeatureState.RUNNING && m.bundle() != null && m.bundle().contains(" 1.0." + swap + " ")));
        assertEquals(1, after.modules().size());
      }
      poster.awaitMore(20);
      poster.close();
      assertEquals("accepted blank items: " + poster.created, 0, poster.created.get());
      assertEquals("failed requests: " + poster.failures, List.of(), poster.failures);
      assertTrue("rejected " + poster.rejected, poster.rejected.get() > SWAPS);
    }
    assertEquals("{\"inits\":" + (1 + SWAPS) + ",\"validators\":1,\"validatorsAtFirstInit\":1}", sortedStats());
  }

  private String sortedStats() throws Exception {
    Answer a = awaitHttp("/api/todo/stats", 200, "inits");
    // {"inits":n,"validators":n,"validatorsAtFirstInit":n} in key order, whatever order the JSON has
    return "{\"inits\":" + field(a.body(), "inits") + ",\"validators\":" + field(a.body(), "validators")
        + ",\"validatorsAtFirstInit\":" + field(a.body(), "validatorsAtFirstInit") + "}";
  }

  private static String field(String json, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** POSTs a blank item in a loop on its own thread; counts 201, 400 and anything else. */
  private final class Poster implements AutoCloseable {
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::loop, "poster");

    Poster() {
      thread.start();
    }

    private void loop() {
      while (running.get()) {
        try {
          int status = postBlank();
          if (status == 201) {
            created.incrementAndGet();
          } else if (status == 400) {
            rejected.incrementAndGet();
          } else {
            failures.add(String.valueOf(status));
          }
        } catch (IOException e) {
          failures.add(e.toString());
        }
      }
    }

    private int postBlank() throws IOException {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + "/api/todo/items")
          .toURL().openConnection();
      c.setConnectTimeout(10_000);
      c.setReadTimeout(30_000);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = c.getOutputStream()) {
        out.write("{\"title\":\"  \"}".getBytes(StandardCharsets.UTF_8));
      }
      int status = c.getResponseCode();
      try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status;
    }

    void awaitMore(int n) throws InterruptedException {
      int target = rejected.get() + n;
      for (int i = 0; i < 600 && rejected.get() < target && failures.isEmpty(); i++) {
        Thread.sleep(50);
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(60_000);
    }
  }
}
