package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.itests.RuntimeStateSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Churn: {@value #WORKERS} threads register and withdraw, in bounded loops, {@value #OPERATIONS}
 * services in total into the running framework — module features of plugin {@value #PLUGIN}
 * (each module offers an extension point of its own and feeds the plugin's) and
 * extension-point-like services (what the runtime publishes for an extension point: its
 * interface, {@code greenroom.plugin.id} and {@code greenroom.extension.point}, which the isolation
 * hooks filter on every service event). The plugin itself and two modules stay registered
 * throughout.
 *
 * <p>Afterwards the runtime must agree with what is registered: the plugin RUNNING with exactly
 * the modules still registered, its last init fed by exactly those, no stale reason in {@code
 * diag}, and no withdrawn module's extension point listed or published. It must not deadlock (a
 * watchdog dumps every thread and fails), must not grow the heap (compared with the heap after a
 * warm-up round of the same churn, both after a forced GC) and must not leave threads behind.
 * Nothing here asserts a speed: the figures are printed.
 */
public class ChurnIT extends RuntimeStateSupport {
  static final String PLUGIN = "churn";
  static final int WORKERS = 4;
  static final int OPERATIONS = 10_000;
  static final int WARM_UP_OPERATIONS = 1_000;
  /** Slots per worker: the first {@value #MODULE_SLOTS} are modules, the rest plain services. */
  static final int SLOTS = 10;
  static final int MODULE_SLOTS = 6;
  /** Generous: the churn takes seconds; only a deadlock or a livelock takes this long. */
  static final Duration WATCHDOG = Duration.ofSeconds(150);
  /** A leak of 1 KB per operation would be 10 MB; GC noise of an idle framework is far below. */
  static final long HEAP_GROWTH_BOUND = 8L << 20;
  static final String THREAD_PREFIX = "greenroom-";
  /** The runtime's init pool (cached, 60 s keep-alive): idle workers are spares, not leftovers. */
  static final String INIT_POOL_STEM = "greenroom-init-";

  /** The plugin's extension point: each module's init reports itself to it. */
  public interface Collector {
    void add(String moduleId);
  }

  /** The type of each module's own extension point. */
  public interface ModuleMarker {
    String moduleId();
  }

  static final ExtensionPoint<Collector> COLLECTOR = ExtensionPoint.create("churn.collector", Collector.class);

  /** Module ids whose init fed the plugin's last run, set by that run's plugin init. */
  private final AtomicReference<Set<String>> lastRun = new AtomicReference<>(Set.of());
  /** Plugin inits: how many runs the churn caused (a figure, not an assertion: coalescing varies). */
  private final AtomicInteger pluginInits = new AtomicInteger();

  /** What the test has registered now: module id → registration, and plain-service slot → registration. */
  private final Map<String, ServiceRegistration<?>> modules = new ConcurrentHashMap<>();
  private final Map<String, ServiceRegistration<?>> plain = new ConcurrentHashMap<>();
  /** Every module id that was registered at some point. */
  private final Set<String> everRegistered = ConcurrentHashMap.newKeySet();

  @Test
  public void runtimeStaysConsistentUnderChurn() throws Exception {
    GreenroomRuntime runtime = runtime();
    // The launch's own plugins (example, app, auth, ...) finish starting first: a thread their start
    // creates (the example scheduler's) is no leftover of the churn. Under load their start could
    // still be under way at the thread snapshot (seen with two busy loops beside the ITs).
    await("every plugin of the launch has settled", () -> runtime.plugins().stream().noneMatch(p ->
            p.state() == FeatureState.STARTING || p.state() == FeatureState.WAITING_FOR_MODULES
                || p.state() == FeatureState.STOPPING),
        Duration.ofSeconds(60));
    ServiceRegistration<?> plugin = context.registerService(BackendFeature.class, plugin(), props(null));
    try {
      register("stable-a");
      register("stable-b");
      awaitConsistent(runtime);

      long warmUpStart = System.nanoTime();
      churn(WARM_UP_OPERATIONS, 1);
      awaitConsistent(runtime);
      long warmUpMillis = millisSince(warmUpStart);
      long heapBefore = usedHeapAfterGc();
      Map<String, Integer> threadsBefore = runtimeThreads();

      int initsBefore = pluginInits.get();
      long start = System.nanoTime();
      churn(OPERATIONS, 2);
      long churnMillis = millisSince(start);
      awaitConsistent(runtime);
      long settledMillis = millisSince(start);
      long heapAfter = usedHeapAfterGc();
      Map<String, Integer> threadsAfter = awaitNoLeftoverThreads(threadsBefore);
      int runs = pluginInits.get() - initsBefore;

      System.out.printf("churn: %d operations (+%d warm-up in %d ms) by %d threads in %d ms, consistent after %d ms;"
              + " heap after GC %d KB after warm-up, %d KB after churn (%+d KB); greenroom- threads %s before, %s after"
              + " (idle init-pool workers excluded); %d plugin runs during the churn; %d modules registered now%n",
          OPERATIONS, WARM_UP_OPERATIONS, warmUpMillis, WORKERS, churnMillis, settledMillis,
          heapBefore >> 10, heapAfter >> 10, (heapAfter - heapBefore) >> 10, threadsBefore, threadsAfter,
          runs, modules.size());
      assertTrue("heap grew by " + ((heapAfter - heapBefore) >> 10) + " KB over " + OPERATIONS
              + " operations (bound " + (HEAP_GROWTH_BOUND >> 10) + " KB)",
          heapAfter - heapBefore < HEAP_GROWTH_BOUND);
    } finally {
      modules.values().forEach(ChurnIT::unregisterQuietly);
      plain.values().forEach(ChurnIT::unregisterQuietly);
      unregisterQuietly(plugin);
    }
  }

  // ---- the churn ----

  /**
   * {@code operations} registrations and withdrawals, split over {@value #WORKERS} threads; each
   * thread owns its slots, so a slot is never registered twice at once. Under the watchdog.
   */
  private void churn(int operations, int seed) throws InterruptedException {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      int share = operations / WORKERS + (w < operations % WORKERS ? 1 : 0);
      Thread t = new Thread(() -> {
        try {
          go.await();
          Random random = new Random(seed * 31L + worker);
          for (int i = 0; i < share; i++) {
            toggle(worker, random.nextInt(SLOTS));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "churn-worker-" + w);
      workers.add(t);
      t.start();
    }
    try (Watchdog watchdog = new Watchdog("churn of " + operations + " operations", WATCHDOG, workers)) {
      go.countDown();
      // bounded joins: a worker stuck in a deadlocked registerService ignores interrupts
      for (Thread t : workers) {
        while (t.isAlive() && !watchdog.fired()) {
          t.join(100);
        }
      }
      watchdog.check();
    }
    if (!failures.isEmpty()) {
      AssertionError e = new AssertionError("churn workers failed: " + failures);
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }

  /** Registers the slot's service if absent, withdraws it if present: one operation. */
  private void toggle(int worker, int slot) {
    if (slot < MODULE_SLOTS) {
      String moduleId = "w" + worker + "-m" + slot;
      ServiceRegistration<?> reg = modules.remove(moduleId);
      if (reg == null) {
        register(moduleId);
      } else {
        reg.unregister();
      }
    } else {
      String key = "w" + worker + "-p" + slot;
      ServiceRegistration<?> reg = plain.remove(key);
      if (reg == null) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(FeatureNamespace.PLUGIN_ID, PLUGIN);
        props.put(FeatureNamespace.EXTENSION_POINT, "churn.plain-" + key);
        ModuleMarker marker = () -> key;
        plain.put(key, context.registerService(ModuleMarker.class, marker, props));
      } else {
        reg.unregister();
      }
    }
  }

  private void register(String moduleId) {
    everRegistered.add(moduleId);
    modules.put(moduleId, context.registerService(BackendFeature.class, module(moduleId), props(moduleId)));
  }

  /** Plugin {@value #PLUGIN}: offers the collector; its init records which modules fed this run. */
  private BackendPlugin plugin() {
    return BackendPlugin.create(PLUGIN, env -> {
      // register runs again at every restart: one collector per run
      Set<String> fed = ConcurrentHashMap.newKeySet();
      env.registerExtensionPoint(COLLECTOR, fed::add);
      env.registerInit(Deps.none(), deps -> {
        pluginInits.incrementAndGet();
        lastRun.set(Set.copyOf(fed));
      });
    });
  }

  /** A module that offers extension point {@code churn.<id>} and feeds the plugin's collector. */
  private static BackendModule module(String moduleId) {
    return BackendModule.create(PLUGIN, moduleId, env -> {
      ModuleMarker marker = () -> moduleId;
      env.registerExtensionPoint(ExtensionPoint.create("churn." + moduleId, ModuleMarker.class), marker);
      env.registerInit(Deps.of(COLLECTOR), deps -> deps.get(COLLECTOR).add(moduleId));
    });
  }

  private static Hashtable<String, Object> props(String moduleId) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(FeatureNamespace.PLUGIN_ID, PLUGIN);
    if (moduleId != null) {
      props.put(FeatureNamespace.MODULE_ID, moduleId);
    }
    return props;
  }

  // ---- consistency ----

  /**
   * Waits (under the watchdog) until the plugin runs with exactly the registered modules — every
   * operation changes that set, so this also means the runtime has taken in every input — then
   * checks its last init, its diagnosis, and the extension points listed and published.
   */
  private void awaitConsistent(GreenroomRuntime runtime) throws Exception {
    Set<String> expected = new TreeSet<>(modules.keySet());
    try (Watchdog watchdog = new Watchdog("settling on modules " + expected, WATCHDOG, List.of(Thread.currentThread()))) {
      PluginDTO p;
      try {
        p = awaitPlugin(PLUGIN, "RUNNING with modules " + expected, dto -> dto.state() == FeatureState.RUNNING
            && new TreeSet<>(moduleIds(dto)).equals(expected)
            && dto.modules().stream().allMatch(m -> m.state() == FeatureState.RUNNING), WATCHDOG.plusSeconds(10));
      } catch (AssertionError | InterruptedException e) {
        watchdog.check();
        throw e;
      }
      watchdog.check();
      assertEquals("modules of the plugin's last init", expected, new TreeSet<>(lastRun.get()));
      assertEquals("module states of " + p, List.of(), p.modules().stream()
          .filter(m -> m.state() != FeatureState.RUNNING).map(ModuleDTO::moduleId).collect(Collectors.toList()));

      DiagnosisDTO d = runtime.diagnose(PLUGIN);
      assertEquals("diagnosis of '" + PLUGIN + "': " + d, List.of(ReasonCode.RUNNING), codes(d));

      Set<String> expectedPoints = new TreeSet<>();
      expectedPoints.add(COLLECTOR.id());
      expected.forEach(m -> expectedPoints.add("churn." + m));
      Set<String> listed = runtime.extensionPoints().stream()
          .filter(e -> PLUGIN.equals(e.pluginId())).map(ExtensionPointDTO::id).collect(Collectors.toCollection(TreeSet::new));
      Set<String> withdrawn = new TreeSet<>(everRegistered);
      withdrawn.removeAll(expected);
      assertEquals("withdrawn modules' extension points still listed", List.of(), withdrawn.stream()
          .map(m -> "churn." + m).filter(listed::contains).collect(Collectors.toList()));
      assertEquals("extension points listed by the runtime", expectedPoints, listed);

      // published as OSGi services: the runtime's, plus the plain ones the test still holds
      Set<String> expectedPublished = new TreeSet<>(expectedPoints);
      plain.keySet().forEach(k -> expectedPublished.add("churn.plain-" + k));
      Set<String> published = new TreeSet<>();
      ServiceReference<?>[] refs = context.getServiceReferences((String) null,
          "(&(" + FeatureNamespace.PLUGIN_ID + "=" + PLUGIN + ")(" + FeatureNamespace.EXTENSION_POINT + "=*))");
      for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
        published.add((String) ref.getProperty(FeatureNamespace.EXTENSION_POINT));
      }
      assertEquals("extension-point services in the registry", expectedPublished, published);
    }
  }

  // ---- memory and threads ----

  /** Heap in use after full GCs, the lowest of a few readings (a GC may run concurrently). */
  private static long usedHeapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  /**
   * Threads named {@value #THREAD_PREFIX}* by name without its trailing number, counted; idle
   * workers of the runtime's init pool are left out: that pool keeps them 60 s after a burst of
   * concurrent inits, and an idle one (waiting in the pool for a task) runs nothing.
   */
  private static Map<String, Integer> runtimeThreads() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      String name = e.getKey().getName();
      if (!name.startsWith(THREAD_PREFIX) || !e.getKey().isAlive()) {
        continue;
      }
      String stem = name.replaceAll("\\d+$", "");
      if (stem.equals(INIT_POOL_STEM) && idleInPool(e.getValue())) {
        continue;
      }
      counts.merge(stem, 1, Integer::sum);
    }
    return counts;
  }

  private static boolean idleInPool(StackTraceElement[] stack) {
    return Arrays.stream(stack).anyMatch(f ->
        f.getClassName().equals("java.util.concurrent.ThreadPoolExecutor") && f.getMethodName().equals("getTask"));
  }

  /**
   * Waits a little for threads that end on their own (a plugin's stop thread finishing), then
   * requires no more threads of any name than after the warm-up.
   */
  private static Map<String, Integer> awaitNoLeftoverThreads(Map<String, Integer> before) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Map<String, Integer> now = runtimeThreads();
    while (!leftovers(before, now).isEmpty() && System.nanoTime() < end) {
      Thread.sleep(100);
      now = runtimeThreads();
    }
    assertEquals("greenroom- threads beyond those after the warm-up (before: " + before + ")", Map.of(),
        leftovers(before, now));
    return now;
  }

  private static Map<String, Integer> leftovers(Map<String, Integer> before, Map<String, Integer> now) {
    Map<String, Integer> extra = new TreeMap<>();
    now.forEach((stem, n) -> {
      int was = before.getOrDefault(stem, 0);
      if (n > was) {
        extra.put(stem, n - was);
      }
    });
    return extra;
  }

  // ---- helpers ----

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  private static void unregisterQuietly(ServiceRegistration<?> reg) {
    try {
      reg.unregister();
    } catch (IllegalStateException alreadyGone) {
      // withdrawn already
    }
  }

  /**
   * A thread that, unless closed within {@code bound}, takes a dump of every thread (with locks
   * and deadlocked threads named) and interrupts the watched threads; {@link #check()} then fails
   * with the dump. A deadlock would otherwise hang the build until failsafe's own timeout, with
   * nothing to show why.
   */
  static final class Watchdog implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<String> dump = new AtomicReference<>();
    private final String what;
    private final Thread thread;

    Watchdog(String what, Duration bound, Collection<Thread> watched) {
      this.what = what;
      this.thread = new Thread(() -> {
        try {
          if (!done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            dump.set(threadDump());
            watched.forEach(Thread::interrupt);
          }
        } catch (InterruptedException stop) {
          // closed
        }
      }, "churn-watchdog");
      thread.setDaemon(true);
      thread.start();
    }

    boolean fired() {
      return dump.get() != null;
    }

    /** Fails with the thread dump if the watchdog fired. */
    void check() {
      String d = dump.get();
      if (d != null) {
        fail(what + " did not finish within the watchdog's bound; all threads:\n" + d);
      }
    }

    @Override
    public void close() throws InterruptedException {
      done.countDown();
      thread.join();
    }

    static String threadDump() {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      StringBuilder b = new StringBuilder();
      long[] deadlocked = mx.findDeadlockedThreads();
      if (deadlocked != null) {
        b.append("DEADLOCKED thread ids: ").append(Arrays.toString(deadlocked)).append('\n');
      }
      for (ThreadInfo info : mx.dumpAllThreads(true, true)) {
        b.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
        if (info.getLockName() != null) {
          b.append(" on ").append(info.getLockName());
        }
        if (info.getLockOwnerName() != null) {
          b.append(" owned by \"").append(info.getLockOwnerName()).append('"');
        }
        b.append('\n');
        // ThreadInfo.toString() cuts stacks at 8 frames: print them whole
        for (StackTraceElement f : info.getStackTrace()) {
          b.append("\tat ").append(f).append('\n');
        }
        for (var lock : info.getLockedSynchronizers()) {
          b.append("\t- holds ").append(lock).append('\n');
        }
      }
      return b.toString();
    }
  }
}
