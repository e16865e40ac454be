package dev.greenroom.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmarks of the exported runtime as a process (not a test): start-to-first-200 and peak RSS
 * for N synthetic plugins x M modules, HTTP load on a plugin route against a bare Whiteboard
 * servlet, "plugins that never touch the database open no pool", and hot-deploy latency.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.greenroom.bench.startup.StartupBench \
 *     --runtime features/target/runtime.jar [--work DIR] [--sections startup,database,load,deploy]
 *     [--sizes 1x0,10x5,100x5,300x3] [--wrk-seconds 10] [--wrk-rounds 3] [--drops 50] [--polls 1000,100]
 *     [--module-timeout MS] [--jvm-args "-Xmx256m ..."]
 *     [--isolation fail,hang,db] [--isolation-seconds 15] [--isolation-rounds 3]
 *     [--isolation-clients 300] [--init-timeout 60000] [--isolation-think-ms 0]
 * </pre>
 *
 * <p>Section {@code isolation} (issue 11, {@link IsolationBench}) is not in the default list; ask
 * for it with {@code --sections isolation} ({@code bench/run-isolation-bench.sh}).
 */
public final class StartupBench {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  private final Path runtimeJar;
  private final Path work;
  private final List<String> jvmArgs;

  private StartupBench(Path runtimeJar, Path work, List<String> jvmArgs) {
    this.runtimeJar = runtimeJar;
    this.work = work;
    this.jvmArgs = jvmArgs;
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    String launcherArg = arg(args, "--launcher", "");
    RuntimeUnderTest.launcher = launcherArg.isEmpty() ? null : Path.of(launcherArg).toAbsolutePath();
    Path runtime = Path.of(arg(args, "--runtime", "features/target/runtime.jar"));
    if (!Files.isRegularFile(runtime)) {
      throw new IllegalArgumentException("runtime jar " + runtime + " not found: build it with `mvn -B -o install -DskipTests` at the repo root");
    }
    Path work = Path.of(arg(args, "--work", Files.createTempDirectory("greenroom-startup-bench").toString()));
    List<String> sections = List.of(arg(args, "--sections", "startup,database,load,deploy").split(","));
    // greenroom.module.timeout also bounds how long the runtime waits for the core-service bundles
    // (default 10 s). With hundreds of bundles in deploy/ on a busy 2-core machine they can miss it
    // and the backend starts without HTTP; --module-timeout raises it for the launch.
    String moduleTimeout = arg(args, "--module-timeout", "");
    List<String> jvmArgs = new ArrayList<>(moduleTimeout.isEmpty() ? List.of() : List.of("-Dgreenroom.module.timeout=" + moduleTimeout));
    // --jvm-args "...": further options for the runtime's JVM (space-separated), e.g. to compare a launcher's
    String extra = arg(args, "--jvm-args", "").trim();
    if (!extra.isEmpty()) {
      jvmArgs.addAll(List.of(extra.split("\\s+")));
    }
    StartupBench bench = new StartupBench(runtime, work, jvmArgs);
    System.out.printf("[bench] runtime %s, work dir %s, runtime JVM args %s, LOG_LEVEL=%s, %d cores, load average %s%n",
        runtime, work, jvmArgs, System.getenv().getOrDefault("LOG_LEVEL", "(unset)"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    if (sections.contains("startup")) {
      bench.startup(parseSizes(arg(args, "--sizes", "1x0,10x5,100x5,300x3")));
    }
    if (sections.contains("database")) {
      bench.database(100, 5);
    }
    if (sections.contains("load")) {
      bench.load(Integer.parseInt(arg(args, "--wrk-seconds", "10")), Integer.parseInt(arg(args, "--wrk-rounds", "3")));
    }
    if (sections.contains("deploy")) {
      int drops = Integer.parseInt(arg(args, "--drops", "50"));
      for (String poll : arg(args, "--polls", "1000,100").split(",")) {
        bench.deploy(drops, Integer.parseInt(poll));
      }
    }
    if (sections.contains("isolation")) {
      new IsolationBench(runtime, bench::fresh, jvmArgs,
          Integer.parseInt(arg(args, "--isolation-seconds", "15")),
          Integer.parseInt(arg(args, "--isolation-rounds", "3")),
          Integer.parseInt(arg(args, "--isolation-clients", "300")),
          Integer.parseInt(arg(args, "--init-timeout", "60000")))
          .thinkMs(Integer.parseInt(arg(args, "--isolation-think-ms", "0")))
          .run(List.of(arg(args, "--isolation", "fail,hang,db").split(",")));
    }
    System.out.printf("[bench] done, load average %s%n", loadAverage());
  }

  // --- start-to-first-200 and peak RSS ------------------------------------------------------------

  /** hikariThreads: threads named "... housekeeper", one per open HikariCP pool. */
  record StartFigures(double firstMs, double allMs, double peakRssMib, List<String> dataFiles, long hikariThreads) {}

  private void startup(List<int[]> sizes) {
    System.out.println();
    System.out.println("## Startup: java -jar runtime.jar with N plugins x M modules in deploy/ (FileInstall)");
    System.out.println("| N x M | bundles | first 200 /api/p0/hello (ms) | all N answer (ms) | peak RSS VmHWM (MiB) | files under data/ | pool housekeeper threads |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int[] size : sizes) {
      StartFigures f = launch("startup-" + size[0] + "x" + size[1], runtimeJar, size[0], size[1], false);
      System.out.printf("| %dx%d | %d | %.0f | %.0f | %.0f | %d | %d |%n", size[0], size[1], size[0] * (1 + size[1]),
          f.firstMs, f.allMs, f.peakRssMib, f.dataFiles.size(), f.hikariThreads);
    }
  }

  private StartFigures launch(String name, Path jar, int plugins, int modules, boolean lastPluginUsesDatabase) {
    return launch(fresh(name), jar, plugins, modules, lastPluginUsesDatabase, jvmArgs);
  }

  /** One launch in {@code dir} (fresh): spawn, first 200 on p0, all N answering, peak RSS 2 s later. */
  static StartFigures launch(Path dir, Path jar, int plugins, int modules, boolean lastPluginUsesDatabase, List<String> jvmArgs) {
    try (RuntimeUnderTest rt = new RuntimeUnderTest(jar, dir)) {
      SyntheticBundles.generate(rt.deploy, plugins, modules);
      if (lastPluginUsesDatabase) {
        SyntheticBundles.plugin(rt.deploy, plugins, 0, true);
      }
      int answering = plugins + (lastPluginUsesDatabase ? 1 : 0);
      rt.start(1000, jvmArgs);
      double first = rt.awaitOk("/api/p0/hello", START_TIMEOUT);
      double all = first;
      for (int i = 1; i < answering; i++) {
        all = rt.awaitOk("/api/p" + i + "/hello", START_TIMEOUT);
      }
      RuntimeUnderTest.sleep(2000); // let startup stragglers (lazy pools, schedulers) show up
      return new StartFigures(first, all, rt.peakRssMib(), rt.dataFiles(), rt.threadsNamed("housekeeper"));
    }
  }

  // --- issue 4: plugins that never touch the database open no pool --------------------------------

  private void database(int plugins, int modules) {
    System.out.println();
    System.out.printf("## Database: %d plugins x %d modules that never touch the database%n", plugins, modules);
    Path noDbJar = work.resolve("runtime-without-database.jar");
    List<String> removed = RuntimeVariants.withoutBundles(runtimeJar, noDbJar,
        List.of("greenroom-database-", "h2-", "HikariCP-", "postgresql-"));
    System.out.println("Launch without the database: runtime.jar minus " + removed);
    System.out.println("| launch | first 200 /api/p0/hello (ms) | all answer (ms) | peak RSS (MiB) | files under data/ | pool housekeeper threads |");
    System.out.println("|---|---|---|---|---|---|");
    StartFigures with = launch("db-with", runtimeJar, plugins, modules, false);
    row("with database bundles", with);
    StartFigures without = launch("db-without", noDbJar, plugins, modules, false);
    row("without database bundles", without);
    StartFigures control = launch("db-control", runtimeJar, plugins, modules, true);
    row("control: + p" + plugins + " that opens its database", control);
    System.out.printf("Ratios with/without: start %.2f, peak RSS %.2f. Files of the control: %s%n",
        with.allMs / without.allMs, with.peakRssMib / without.peakRssMib, control.dataFiles);
  }

  private static void row(String label, StartFigures f) {
    System.out.printf("| %s | %.0f | %.0f | %.0f | %d | %d |%n", label, f.firstMs, f.allMs, f.peakRssMib,
        f.dataFiles.size(), f.hikariThreads);
  }

  // --- issue 3 item 9: HTTP load, plugin route vs bare servlet ------------------------------------

  private void load(int seconds, int rounds) {
    System.out.println();
    if (!Wrk.available()) {
      System.out.println("## Load: skipped, wrk is not installed (apt-get install -y wrk)");
      return;
    }
    int plugins = 100;
    int modules = 5;
    int threads = 2;
    int connections = 16;
    System.out.printf("## Load: wrk -t%d -c%d -d%ds --latency, runtime with %dx%d, loopback; rounds alternate%n",
        threads, connections, seconds, plugins, modules);
    try (RuntimeUnderTest rt = new RuntimeUnderTest(runtimeJar, fresh("load"))) {
      SyntheticBundles.generate(rt.deploy, plugins, modules);
      SyntheticBundles.bareServlet(rt.deploy, modules);
      rt.start(1000, jvmArgs);
      rt.awaitOk("/api/p0/hello", START_TIMEOUT);
      rt.awaitOk("/bare/hello", START_TIMEOUT);
      rt.awaitOk("/bare-logged/hello", START_TIMEOUT);
      String plugin = rt.url("/api/p0/hello");
      String bare = rt.url("/bare/hello");
      String bareLogged = rt.url("/bare-logged/hello");
      System.out.println("same body: " + rt.get("/api/p0/hello").body().equals(rt.get("/bare/hello").body())
          + " (" + rt.get("/api/p0/hello").body() + ")");
      Wrk.run(plugin, threads, connections, 5); // warm-up, both paths
      Wrk.run(bare, threads, connections, 5);
      Wrk.run(bareLogged, threads, connections, 5);
      System.out.println("| round | target | req/s | p50 ms | p75 ms | p90 ms | p99 ms | non-2xx | socket errors |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      // Alternating rounds, and a ratio per round: on a shared machine the load of other
      // processes changes between rounds, less so within one pair of adjacent runs.
      List<Double> ratios = new ArrayList<>();
      List<Double> p99Ratios = new ArrayList<>();
      List<Double> loggedRatios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Wrk.Result b = Wrk.run(bare, threads, connections, seconds);
        Wrk.Result p = Wrk.run(plugin, threads, connections, seconds);
        Wrk.Result l = Wrk.run(bareLogged, threads, connections, seconds);
        print(round, "bare servlet /bare/hello", b);
        print(round, "plugin /api/p0/hello", p);
        print(round, "bare servlet + helmet headers + SLF4J line /bare-logged/hello", l);
        ratios.add(p.requestsPerSecond() / b.requestsPerSecond());
        p99Ratios.add(p.latencyMs().get("p99") / b.latencyMs().get("p99"));
        loggedRatios.add(p.requestsPerSecond() / l.requestsPerSecond());
      }
      System.out.printf("Ratio plugin/bare per round: req/s %s (median %.2f, target >= 0.9); p99 %s (median %.2f)%n",
          format(ratios), new Percentiles(ratios).p(50), format(p99Ratios), new Percentiles(p99Ratios).p(50));
      System.out.printf("Ratio plugin/bare-logged per round: req/s %s (median %.2f)%n",
          format(loggedRatios), new Percentiles(loggedRatios).p(50));
    }
  }

  private static String format(List<Double> values) {
    return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
  }

  private static void print(int round, String target, Wrk.Result r) {
    System.out.printf("| %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %s |%n", round, target, r.requestsPerSecond(),
        r.latencyMs().get("p50"), r.latencyMs().get("p75"), r.latencyMs().get("p90"), r.latencyMs().get("p99"),
        r.non2xx(), r.socketErrors());
  }

  // --- issue 5: hot-deploy latency ----------------------------------------------------------------

  private void deploy(int drops, int pollMs) {
    System.out.println();
    System.out.printf("## Deploy latency: %d new versions of p0-m0.jar moved atomically into deploy/, felix.fileinstall.poll=%d ms, runtime 10x3, load on /api/p1/hello%n",
        drops, pollMs);
    try (RuntimeUnderTest rt = new RuntimeUnderTest(runtimeJar, fresh("deploy-poll" + pollMs))) {
      SyntheticBundles.generate(rt.deploy, 10, 3);
      Path staging = rt.workDir.resolve("staging");
      rt.start(pollMs, jvmArgs);
      rt.awaitOk("/api/p0/hello", START_TIMEOUT);
      rt.awaitOk("/api/p9/hello", START_TIMEOUT);
      List<Double> latencies = new ArrayList<>();
      java.util.Random random = new java.util.Random(42);
      try (LoadLoop load = new LoadLoop(rt.url("/api/p1/hello"), 2)) {
        RuntimeUnderTest.sleep(1000);
        for (int k = 1; k <= drops; k++) {
          // Two alternating builds would differ only in parity; numbering each drop also proves
          // the answer comes from this drop, not an earlier one.
          Path built = SyntheticBundles.module(staging, "p0-m0.jar.part", 0, 0, k);
          RuntimeUnderTest.sleep(random.nextInt(pollMs)); // no phase lock with FileInstall's poll timer
          String expected = "m0@g" + k + "\"";
          Files.move(built, rt.deploy.resolve("p0-m0.jar"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          long landed = System.nanoTime();
          long deadline = landed + Duration.ofSeconds(60).toNanos();
          while (true) {
            var r = rt.get("/api/p0/hello");
            if (r != null && r.statusCode() == 200 && r.body().contains(expected)) {
              break;
            }
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("drop " + k + " not served within 60 s; last answer " + (r == null ? "none" : r.statusCode() + " " + r.body()));
            }
            RuntimeUnderTest.sleep(5);
          }
          latencies.add((System.nanoTime() - landed) / 1e6);
        }
        Percentiles lat = new Percentiles(latencies);
        Percentiles untouched = load.latencies();
        System.out.printf("drop -> new contribution served: p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d; target p50 <= 250 ms, issue 15)%n",
            lat.p(50), lat.p(95), lat.max(), lat.count());
        System.out.printf("untouched /api/p1/hello during the drops: %d requests, %d failed (target 0), p50 %.2f ms, p99 %.2f ms, max %.1f ms%s%n",
            untouched.count(), load.failed(), untouched.p(50), untouched.p(99), untouched.max(),
            load.failed() == 0 ? "" : ", first failures " + load.firstFailures());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- helpers ------------------------------------------------------------------------------------

  private Path fresh(String name) {
    Path dir = work.resolve(name);
    try {
      if (Files.exists(dir)) {
        throw new IllegalStateException(dir + " exists: give a fresh --work directory");
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<int[]> parseSizes(String spec) {
    return Arrays.stream(spec.split(",")).map(s -> s.trim().split("x"))
        .map(p -> new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])}).toList();
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (IOException e) {
      return "?";
    }
  }
}
