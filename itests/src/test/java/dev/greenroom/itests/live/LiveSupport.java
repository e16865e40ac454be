package dev.greenroom.itests.live;

import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.itests.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Helpers for the live-plugin ITs: the runtime's state, HTTP conditions to wait for, a client that
 * keeps calling one path and records every answer that is not 200, and second builds of a fixture
 * jar (same symbolic name, another version and resources).
 */
public abstract class LiveSupport extends HttpTestSupport {
  protected static final Duration LONG = Duration.ofSeconds(30);

  protected GreenroomRuntime runtime() throws InterruptedException {
    return awaitService(GreenroomRuntime.class, null, TIMEOUT);
  }

  protected PluginDTO awaitPlugin(String id, String what, Predicate<PluginDTO> condition) throws InterruptedException {
    GreenroomRuntime runtime = runtime();
    long end = System.nanoTime() + LONG.toNanos();
    while (true) {
      Optional<PluginDTO> p = runtime.plugin(id);
      if (p.isPresent() && condition.test(p.get())) {
        return p.get();
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("plugin '" + id + "' is not " + what + ": " + p + "; " + runtime.diagnose(id));
      }
      Thread.sleep(20);
    }
  }

  /** Waits until GET {@code path} answers {@code status} with a body containing {@code text}. */
  protected Answer awaitHttp(String path, int status, String text, String... headers) throws Exception {
    long end = System.nanoTime() + LONG.toNanos();
    Answer last = null;
    while (System.nanoTime() < end) {
      last = get(path, headers);
      if (last.status() == status && last.body().contains(text)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("GET " + path + " never answered " + status + " with '" + text + "'; last: " + last);
  }

  /** A copy of {@code jar} with another Bundle-Version and the given entries replaced or added. */
  protected static Path rebuild(Path jar, String version, Map<String, String> entries, Path target) throws IOException {
    try (JarFile in = new JarFile(jar.toFile())) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
      try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
        for (JarEntry e : java.util.Collections.list(in.entries())) {
          if (e.getName().equals(JarFile.MANIFEST_NAME) || entries.containsKey(e.getName())) {
            continue;
          }
          out.putNextEntry(new JarEntry(e.getName()));
          try (InputStream data = in.getInputStream(e)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
          out.putNextEntry(new JarEntry(e.getKey()));
          out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
      }
    }
    return target;
  }

  /** Deploys {@code jar} into the FileInstall folder under {@code fileName} (atomically). */
  protected Path deployAs(Path jar, String fileName) throws IOException {
    Path staged = workDir().resolve("staged-" + getClass().getSimpleName());
    Files.createDirectories(staged);
    Path copy = staged.resolve(fileName);
    Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return deploy(copy);
  }

  /** Calls GET {@code path} in a loop on its own thread until {@link #close()}; records non-200 answers. */
  protected final class Hammer implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger ok = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public Hammer(String path, String... headers) {
      thread = new Thread(() -> {
        while (running.get()) {
          try {
            Answer a = get(path, headers);
            if (a.status() == 200) {
              ok.incrementAndGet();
            } else {
              failures.add(a.status() + " " + a.body());
            }
          } catch (IOException e) {
            failures.add(e.toString());
          }
        }
      }, "hammer " + path);
      thread.start();
    }

    public int ok() {
      return ok.get();
    }

    public List<String> failures() {
      return failures;
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(60_000);
    }
  }
}
