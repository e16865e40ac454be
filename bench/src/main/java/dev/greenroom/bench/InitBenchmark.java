package dev.greenroom.bench;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.Backends;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.LogLevel;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.runtime.internal.defaults.SinkLogger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process cost of the plain-Java initializer: create a backend, add every plugin and module,
 * start it (register passes, extension point table, module graphs, plugin inits on the init pool)
 * and stop it (shutdown hooks). One operation = one whole backend life.
 *
 * <p>Shape {@code "PxM"}: P plugins, each with M modules. Plugin {@code p<i>} offers the extension
 * point {@code p<i>.contrib}; every module contributes one string to it. The modules of a plugin
 * also form a chain: module {@code m<j>} (j &lt; M-1) offers {@code p<i>.link<j>}, which module
 * {@code m<j+1>} consumes and contributes to. A provider runs after its consumers, so the modules of
 * a plugin run strictly one after another ({@code m<M-1>} first, {@code m0} last). The plugin's init
 * depends on {@code core.logger} and {@code core.lifecycle}, reads the contributions, logs (to a
 * silent sink) and registers a shutdown hook.
 *
 * <p>Divide the score by P for the cost per plugin with its modules ({@link InitBenchReport} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class InitBenchmark {

  /** Contributions to an extension point; modules of one plugin may run on different threads. */
  public interface Contributions {
    void contribute(String value);
  }

  /** P plugins x M modules per plugin. */
  @Param({"100x5", "300x3"})
  public String shape;

  private int plugins;
  private int modulesPerPlugin;
  private List<dev.greenroom.backend.api.BackendFeature> features;
  private List<ServiceFactory<?>> defaults;

  /** Sums what the inits saw, so nothing is dead code and a broken wiring is noticed. */
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong shutdownHooksRun = new AtomicLong();
  private long expectedSeenPerOp;
  private long ops;

  @Setup(Level.Trial)
  public void setUp() {
    String[] pm = shape.split("x");
    plugins = Integer.parseInt(pm[0]);
    modulesPerPlugin = Integer.parseInt(pm[1]);
    features = features(plugins, modulesPerPlugin);
    // Silent root logger: console I/O is not what is measured (messages are still built).
    defaults = DefaultServiceFactories.create(
        MapConfig::empty,
        () -> new SinkLogger((at, level, msg, err, meta) -> {}, LogLevel.INFO, Map.of()));
    // per plugin: M contributions + for each link j, its one contribution
    expectedSeenPerOp = (long) plugins * (modulesPerPlugin + Math.max(0, modulesPerPlugin - 1));

    seen.set(0);
    shutdownHooksRun.set(0);
    ops = 0;
  }

  /** Steady state: a warmed-up JVM (JIT-compiled initializer, init pool threads already alive). */
  @Benchmark
  public BackendStartupResult initStartStop() {
    return run();
  }

  /**
   * Cold: the first backend of a fresh JVM (class loading, interpreter, every init pool thread
   * created). Run with many forks and one single-shot iteration each.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public BackendStartupResult coldInitStartStop() {
    return run();
  }

  private BackendStartupResult run() {
    Backend backend = Backends.createSpecializedBackend(defaults);
    for (dev.greenroom.backend.api.BackendFeature f : features) {
      backend.add(f);
    }
    // start() throws if any plugin or module init failed (every failure is disallowed here)
    BackendStartupResult result = backend.start();
    backend.stop();
    ops++;
    return result;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    verify(ops);
    // Thread names are greenroom-init-<n>, n counting every pool thread ever created in this JVM.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long live = 0;
    long created = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().matches("greenroom-init-[0-9]+")) {
        live++;
        created = Math.max(created, Long.parseLong(t.getName().substring("greenroom-init-".length())));
      }
    }
    System.out.printf(
        "%n[bench] shape=%s ops=%d peakJvmThreads=%d livePoolThreads=%d poolThreadsCreated>=%d%n",
        shape, ops, threads.getPeakThreadCount(), live, created);
  }

  private void verify(long runs) {
    long expected = expectedSeenPerOp * runs;
    if (seen.get() != expected || shutdownHooksRun.get() != plugins * runs) {
      throw new IllegalStateException("wiring check failed: seen " + seen.get() + " (expected " + expected
          + "), shutdown hooks " + shutdownHooksRun.get() + " (expected " + plugins * runs + ")");
    }
  }

  private List<dev.greenroom.backend.api.BackendFeature> features(int pluginCount, int moduleCount) {
    List<dev.greenroom.backend.api.BackendFeature> list = new ArrayList<>(pluginCount * (1 + moduleCount));
    for (int i = 0; i < pluginCount; i++) {
      String pluginId = "p" + i;
      ExtensionPoint<Contributions> contrib = ExtensionPoint.create(pluginId + ".contrib", Contributions.class);
      List<ExtensionPoint<Contributions>> links = new ArrayList<>();
      for (int j = 0; j + 1 < moduleCount; j++) {
        links.add(ExtensionPoint.create(pluginId + ".link" + j, Contributions.class));
      }
      list.add(plugin(pluginId, contrib, moduleCount));
      for (int j = 0; j < moduleCount; j++) {
        list.add(module(pluginId, j, contrib,
            j + 1 < moduleCount ? links.get(j) : null,
            j > 0 ? links.get(j - 1) : null));
      }
    }
    return list;
  }

  private BackendPlugin plugin(String pluginId, ExtensionPoint<Contributions> contrib, int moduleCount) {
    return BackendPlugin.create(pluginId, env -> {
      // register runs once per pass and must be side-effect free: state lives in the pass
      List<String> values = new CopyOnWriteArrayList<>();
      Contributions point = values::add;
      env.registerExtensionPoint(contrib, point);
      env.registerInit(Deps.of(CoreServices.LOGGER, CoreServices.LIFECYCLE), deps -> {
        LoggerService logger = deps.get(CoreServices.LOGGER);
        LifecycleService lifecycle = deps.get(CoreServices.LIFECYCLE);
        if (values.size() != moduleCount) {
          throw new IllegalStateException(pluginId + " saw " + values.size() + " contributions");
        }
        seen.addAndGet(values.size());
        logger.info("plugin " + pluginId + " got " + values.size() + " contributions");
        lifecycle.addShutdownHook(shutdownHooksRun::incrementAndGet);
      });
    });
  }

  /**
   * Module {@code m<j>}: contributes to the plugin's point; offers {@code provided} (if any) and
   * checks in its init that its chain consumer already contributed; contributes to {@code
   * consumed} (if any), the link offered by {@code m<j-1>}.
   */
  private BackendModule module(
      String pluginId,
      int j,
      ExtensionPoint<Contributions> contrib,
      ExtensionPoint<Contributions> provided,
      ExtensionPoint<Contributions> consumed) {
    String moduleId = "m" + j;
    return BackendModule.create(pluginId, moduleId, env -> {
      List<String> linked = new CopyOnWriteArrayList<>();
      if (provided != null) {
        Contributions point = linked::add;
        env.registerExtensionPoint(provided, point);
      }
      Deps deps = consumed == null ? Deps.of(contrib) : Deps.of(contrib, consumed);
      env.registerInit(deps, d -> {
        if (provided != null) {
          if (linked.size() != 1) {
            throw new IllegalStateException(pluginId + "/" + moduleId + " ran before its chain consumer");
          }
          seen.addAndGet(linked.size());
        }
        d.get(contrib).contribute(moduleId);
        if (consumed != null) {
          d.get(consumed).contribute(moduleId);
        }
      });
    });
  }
}
