package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.FeatureState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Leak-free unload: {@value #DEFAULT_CYCLES} generations of plugin {@code live} with its modules
 * {@code echo} and {@code typed} (fixtures live-plugin, live-module and soak-module, rebuilt per
 * cycle with a new version and text) are installed, serve, the echo module is updated, all are
 * uninstalled and the framework is refreshed. Only weak references
 * to each generation's class loaders are kept; after the cycles every one of them must be
 * collected and no thread of theirs may remain.
 *
 * <p>A long run: {@code -Dgreenroom.soak.cycles=1000} (docs/live-plugins.md); it prints the heap
 * used after each 100 cycles.
 */
public class SoakIT extends LiveSupport {
  static final int DEFAULT_CYCLES = 15;
  private static final String PLUGIN_CLASS = "dev.greenroom.fixtures.live.plugin.LivePlugin";
  private static final String MODULE_CLASS = "dev.greenroom.fixtures.live.module.EchoModule";
  private static final String TYPED_CLASS = "dev.greenroom.fixtures.soak.module.TypedModule";
  private static final String TYPED = "{\"text\":\"typed\",\"items\":[{\"name\":\"one\"}]}";
  private static final String THREAD_PREFIX = "live-plugin-";

  /** One generation's class loaders, weakly: "plugin 3" and "module 3". */
  private record Generation(String name, WeakReference<ClassLoader> loader) {}

  @Test
  public void everyGenerationIsCollected() throws Exception {
    awaitReady(LONG);
    int cycles = Integer.getInteger("greenroom.soak.cycles", DEFAULT_CYCLES);
    List<Generation> generations = new ArrayList<>();
    for (int i = 1; i <= cycles; i++) {
      generations.addAll(cycle(i));
      if (i % 100 == 0) {
        forceGc(generations, 3);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("soak: %d cycles, heap used %d MB, generations alive %d%n",
            i, (rt.totalMemory() - rt.freeMemory()) >> 20, alive(generations).size());
      }
    }

    assertEquals("threads left behind by unloaded generations", List.of(), leftoverThreads(generations));
    forceGc(generations, 50);
    assertEquals("class loaders still reachable after uninstall + refresh + GC", List.of(), alive(generations));
  }

  /**
   * Installs, serves, updates and removes one generation: plugin {@code live}, module {@code echo}
   * (updated once to a new revision while it serves) and module {@code typed} (JSON bodies of its
   * own types). Returns weak references to every class loader it created.
   */
  private List<Generation> cycle(int i) throws Exception {
    String version = "1.0." + i;
    String text = "echo generation " + i;
    Path pluginJar = rebuild(fixtureJar("live-plugin"), version, Map.of(), workDir().resolve("soak-live-plugin.jar"));
    Path moduleJar = rebuild(fixtureJar("live-module"), version, Map.of("live-module.txt", text + "\n"),
        workDir().resolve("soak-live-module.jar"));
    Path typedJar = rebuild(fixtureJar("soak-module"), version, Map.of(), workDir().resolve("soak-typed-module.jar"));
    Bundle module = install(moduleJar, "soak:live-module:" + i);
    Bundle typed = install(typedJar, "soak:soak-module:" + i);
    Bundle plugin = install(pluginJar, "soak:live-plugin:" + i);
    module.start();
    typed.start();
    plugin.start();
    awaitGeneration(version, version);
    assertEquals("\"" + text + "\"", awaitHttp("/api/live/echo", 200, text).body());
    awaitHttp("/api/live/hello", 200, "live");
    assertEquals(TYPED, awaitHttp("/api/live/typed", 200, "typed").body());
    assertEquals(200, post("/api/live/typed", TYPED).status());
    List<Generation> weak = new ArrayList<>(List.of(
        weakLoader("plugin " + i, plugin, PLUGIN_CLASS),
        weakLoader("module " + i, module, MODULE_CLASS),
        weakLoader("typed module " + i, typed, TYPED_CLASS)));

    // a new build of the echo module while it serves: a new revision, the old one must go too
    String updatedVersion = version + ".updated";
    Path updated = rebuild(fixtureJar("live-module"), updatedVersion, Map.of("live-module.txt", text + " updated\n"),
        workDir().resolve("soak-live-module.jar"));
    try (InputStream in = Files.newInputStream(updated)) {
      module.update(in);
    }
    refresh(module);
    awaitGeneration(version, updatedVersion);
    awaitHttp("/api/live/echo", 200, text + " updated");
    weak.add(weakLoader("updated module " + i, module, MODULE_CLASS));

    plugin.uninstall();
    module.uninstall();
    typed.uninstall();
    refresh(plugin, module, typed);
    awaitHttp("/api/live/hello", 404, "NotFoundError");
    awaitGone("live");
    return weak;
  }

  private void awaitGeneration(String pluginVersion, String echoVersion) throws InterruptedException {
    awaitPlugin("live", "RUNNING " + pluginVersion + " with echo " + echoVersion + " and typed", p ->
        p.state() == FeatureState.RUNNING && p.bundle() != null && p.bundle().contains(" " + pluginVersion + " ")
        && p.modules().size() == 2
        && p.modules().stream().allMatch(m -> m.state() == FeatureState.RUNNING)
        && p.modules().stream().anyMatch(m -> m.moduleId().equals("echo") && m.bundle() != null && m.bundle().contains(" " + echoVersion + " ")));
  }

  private static Generation weakLoader(String name, Bundle bundle, String className) throws ClassNotFoundException {
    return new Generation(name, new WeakReference<>(bundle.loadClass(className).getClassLoader()));
  }

  private Answer post(String path, String json) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Waits until the runtime no longer lists {@code pluginId} (no bundle declares it any more). */
  private void awaitGone(String pluginId) throws InterruptedException {
    long end = System.nanoTime() + LONG.toNanos();
    while (runtime().plugin(pluginId).isPresent()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("plugin '" + pluginId + "' is still listed: " + runtime().plugin(pluginId));
      }
      Thread.sleep(20);
    }
  }

  private Bundle install(Path jar, String location) throws Exception {
    try (InputStream in = Files.newInputStream(jar)) {
      return context.installBundle(location, in);
    }
  }

  private void refresh(Bundle... bundles) throws InterruptedException {
    CountDownLatch refreshed = new CountDownLatch(1);
    context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundles), event -> {
      if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
        refreshed.countDown();
      }
    });
    assertTrue("PACKAGES_REFRESHED", refreshed.await(LONG.toSeconds(), TimeUnit.SECONDS));
  }

  /** Threads named like the plugin's, or whose context class loader is one of the generations'. */
  private static List<String> leftoverThreads(List<Generation> generations) {
    List<String> left = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      ClassLoader ccl = t.getContextClassLoader();
      for (Generation g : generations) {
        if (ccl != null && ccl == g.loader().get()) {
          left.add(t.getName() + " (context class loader of " + g.name() + ")");
        }
      }
      if (t.getName().startsWith(THREAD_PREFIX)) {
        left.add(t.getName());
      }
    }
    return left;
  }

  private static List<String> alive(List<Generation> generations) {
    return generations.stream().filter(g -> g.loader().get() != null).map(Generation::name).toList();
  }

  /** GC with allocation pressure until every generation is collected, at most {@code rounds} times. */
  private static void forceGc(List<Generation> generations, int rounds) throws InterruptedException {
    for (int r = 0; r < rounds && !alive(generations).isEmpty(); r++) {
      List<byte[]> pressure = new ArrayList<>();
      for (int k = 0; k < 16; k++) {
        pressure.add(new byte[1 << 20]);
      }
      pressure.clear();
      System.gc();
      Thread.sleep(100);
    }
  }
}
