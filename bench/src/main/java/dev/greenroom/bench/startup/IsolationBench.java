package dev.greenroom.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue 11's fault-isolation benchmark (section {@code isolation} of {@link StartupBench}): the
 * latency of an untouched plugin route ({@code /api/p0/hello}, light {@code wrk -t1 -c4}) at idle,
 * while 300 clients ({@code wrk -t2 -c300}) hit a healthy plugin ({@code /api/p1/hello}, the
 * control: what 300 clients cost on 2 shared cores without any fault), and while they hit a
 * faulty plugin, each fault in its own launch of the exported runtime:
 * <ul>
 *   <li>{@code fail}: plugin {@code failing} whose init throws (FAILED, 503 at once);</li>
 *   <li>{@code hang}: plugin {@code hanging} whose init never returns, with
 *       {@code backend.startup.initTimeout} set (default 60 s): measured before the timeout (its
 *       requests are held) and after it (FAILED); one launch per round, since the phase before
 *       the timeout happens once per launch;</li>
 *   <li>{@code db}: plugin {@code dbdown} whose {@code backend.database.plugin.dbdown} is PostgreSQL
 *       on a closed loopback port (127.0.0.1:1) and whose {@code GET /hello} runs {@code select 1}
 *       per request.</li>
 * </ul>
 * Both wrk processes run at the same time; the heavy one starts 1 s earlier and ends 1 s later,
 * so the light one measures entirely under load. Within a launch the phases of a round run in
 * the order idle, control, fault, and the ratio p99(fault) / p99(idle) is taken per round.
 */
final class IsolationBench {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final String UNTOUCHED = "/api/p0/hello";
  private static final String CONTROL = "/api/p1/hello";

  private final Path runtimeJar;
  private final Function<String, Path> fresh;
  private final List<String> jvmArgs;
  private final int seconds;
  private final int rounds;
  private final int connections;
  private final int initTimeoutMs;

  /** One measured phase: the untouched route's wrk, the heavy wrk (null at idle), the runtime's side. */
  record Phase(String scenario, int round, String name, Wrk.Result light, Wrk.Result heavy, long maxThreads,
      long requestLogLines, long otherLogLines, List<String> sampleLines) {}

  private final List<Phase> phases = new ArrayList<>();

  IsolationBench(Path runtimeJar, Function<String, Path> fresh, List<String> jvmArgs, int seconds, int rounds,
      int connections, int initTimeoutMs) {
    this.runtimeJar = runtimeJar;
    this.fresh = fresh;
    this.jvmArgs = jvmArgs;
    this.seconds = seconds;
    this.rounds = rounds;
    this.connections = connections;
    this.initTimeoutMs = initTimeoutMs;
  }

  /** Each heavy-load client pauses this long between requests (0: closed loops, as fast as served). */
  IsolationBench thinkMs(int thinkMs) {
    this.thinkMs = thinkMs;
    return this;
  }

  private int thinkMs;

  void run(List<String> scenarios) {
    System.out.println();
    if (!Wrk.available()) {
      System.out.println("## Isolation: skipped, wrk is not installed (apt-get install -y wrk)");
      return;
    }
    System.out.printf("## Isolation (issue 11): untouched %s with wrk -t1 -c4 -d%ds --latency, while wrk -t2 -c%d"
        + " -d%ds --timeout 30s%s hits nothing (idle), the healthy %s (control) or the faulty plugin; %d rounds%n",
        UNTOUCHED, seconds, connections, seconds + 2, thinkMs > 0 ? " (each client pausing " + thinkMs + " ms between requests)" : "",
        CONTROL, rounds);
    printHeader();
    for (String scenario : scenarios) {
      switch (scenario) {
        // Without onPluginBootFailure: continue, a failed (or timed-out) init is Backstage's
        // default boot failure (abort): the backend shuts the process down.
        case "fail" -> failOrDb("fail", "failing", "fail-init", continueOnFailure("failing", ""));
        case "db" -> {
          requireClosed(1);
          failOrDb("db", "dbdown", "db-route", String.join("\n",
              "  database:",
              "    plugin:",
              "      dbdown:",
              "        client: pg",
              "        connection:",
              "          host: 127.0.0.1",
              "          port: 1",
              "          user: bench",
              "          password: bench",
              ""));
        }
        case "hang" -> {
          for (int round = 1; round <= rounds; round++) {
            hang(round);
          }
        }
        default -> throw new IllegalArgumentException("unknown isolation scenario " + scenario + " (fail, hang, db)");
      }
    }
    summary();
  }

  // --- scenarios ----------------------------------------------------------------------------------

  private void failOrDb(String scenario, String pluginId, String fault, String backendYaml) {
    try (RuntimeUnderTest rt = launch(scenario, pluginId, fault, backendYaml)) {
      String faultPath = "/api/" + pluginId + "/hello";
      probe(rt, faultPath);
      warmUp(rt, faultPath);
      for (int round = 1; round <= rounds; round++) {
        measure(rt, scenario, round, "idle", null);
        measure(rt, scenario, round, "control", CONTROL);
        measure(rt, scenario, round, "fault", faultPath);
      }
      probe(rt, faultPath);
      System.out.printf("[isolation] %s: runtime threads at the end %d, log %s%n", scenario, rt.threads(),
          rt.workDir.resolve("runtime.log"));
      stop(rt, scenario);
    }
  }

  private void hang(int round) {
    String scenario = "hang";
    String backendYaml = continueOnFailure("hanging", "    initTimeout: " + initTimeoutMs + "\n");
    try (RuntimeUnderTest rt = launch(scenario + "-" + round, "hanging", "hang-init", backendYaml)) {
      String faultPath = "/api/hanging/hello";
      double p0Ok = rt.launchedOkMs;
      // Warm-up (JIT, the example plugin's own start) that still leaves the phase before the timeout
      // inside initTimeout, which counts from the hanging init's start (about when p0 first answers).
      Wrk.run(rt.url(UNTOUCHED), 1, 4, 5);
      Wrk.start(rt.url(CONTROL), 2, connections, 3, 30).await();
      RuntimeUnderTest.sleep(2000);
      boolean timedOutBefore = logHasInitTimeout(rt);
      measure(rt, scenario, round, "fault before timeout", faultPath);
      double beforeEnded = rt.msSinceStart() - p0Ok;
      boolean timedOutDuring = logHasInitTimeout(rt);
      long deadline = System.nanoTime() + Duration.ofMillis(initTimeoutMs + 60_000L).toNanos();
      while (!logHasInitTimeout(rt)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no init timeout logged; see " + rt.workDir.resolve("runtime.log"));
        }
        RuntimeUnderTest.sleep(100);
      }
      double timedOutAt = rt.msSinceStart() - p0Ok;
      RuntimeUnderTest.sleep(500); // the slot's two looks, 100 ms apart
      System.out.printf("[isolation] hang round %d: before-phase ended %.1f s after p0 answered, init timeout logged"
          + " %.1f s after (%s); initTimeout %d ms%n", round, beforeEnded / 1000, timedOutAt / 1000,
          timedOutBefore || timedOutDuring ? "DURING OR BEFORE the phase: that phase is mixed" : "after the phase", initTimeoutMs);
      probe(rt, faultPath);
      measure(rt, scenario, round, "idle", null);
      measure(rt, scenario, round, "control", CONTROL);
      measure(rt, scenario, round, "fault after timeout", faultPath);
      System.out.printf("[isolation] hang round %d: runtime threads at the end %d, log %s%n", round, rt.threads(),
          rt.workDir.resolve("runtime.log"));
      stop(rt, scenario + " round " + round);
    }
  }

  private static String continueOnFailure(String pluginId, String moreStartupYaml) {
    return "  startup:\n" + moreStartupYaml + "    plugins:\n      " + pluginId + ":\n        onPluginBootFailure: continue\n";
  }

  private RuntimeUnderTest launch(String name, String pluginId, String fault, String backendYaml) {
    // (p0's first 200 is recorded in rt.launchedOkMs: about when the hanging init started)
    RuntimeUnderTest rt = new RuntimeUnderTest(runtimeJar, fresh.apply("isolation-" + name));
    SyntheticBundles.plugin(rt.deploy, 0, 0, false);
    SyntheticBundles.plugin(rt.deploy, 1, 0, false);
    SyntheticBundles.faultyPlugin(rt.deploy, pluginId, fault);
    rt.backendConfig(backendYaml);
    rt.start(1000, jvmArgs);
    rt.launchedOkMs = rt.awaitOk(UNTOUCHED, START_TIMEOUT);
    rt.awaitOk(CONTROL, START_TIMEOUT);
    // The bundled example plugin starts slowly on a busy machine (up to ~30 s after p0): measuring
    // while it still initializes would charge its start to the fault.
    rt.awaitOk("/api/example/health", START_TIMEOUT);
    return rt;
  }

  private void warmUp(RuntimeUnderTest rt, String faultPath) {
    Wrk.run(rt.url(UNTOUCHED), 1, 4, 5);
    Wrk.start(rt.url(CONTROL), 2, connections, 3, 30).await();
    Wrk.start(rt.url(faultPath), 2, connections, 3, 30).await();
    RuntimeUnderTest.sleep(2000);
  }

  /** SIGTERM, timed; then what the whole launch logged besides the request log. */
  private static void stop(RuntimeUnderTest rt, String label) {
    long t0 = System.nanoTime();
    rt.close();
    double ms = (System.nanoTime() - t0) / 1e6;
    List<String> lines = linesAfter(rt.workDir.resolve("runtime.log"), 0);
    long other = lines.stream().filter(l -> !isRequestLine(l)).count();
    long errors = lines.stream().filter(l -> l.matches("^\\S+Z error .*")).count();
    long warns = lines.stream().filter(l -> l.matches("^\\S+Z warn .*")).count();
    long stack = lines.stream().filter(l -> l.startsWith("\tat ")).count();
    System.out.printf("[isolation] %s: stopped (SIGTERM) in %.1f s, exit %s; whole log: %d request-log lines, %d other"
        + " (%d warn, %d error, %d stack-trace frames)%n", label, ms / 1000, rt.exitCode(), lines.size() - other, other,
        warns, errors, stack);
  }

  /** One request to the faulty route, to show what it answers and how fast. */
  private static void probe(RuntimeUnderTest rt, String path) {
    long t0 = System.nanoTime();
    HttpResponse<String> r = rt.get(path);
    double ms = (System.nanoTime() - t0) / 1e6;
    String answer = r == null ? "no answer within 10 s" : r.statusCode() + " " + abbreviate(r.body(), 160);
    System.out.printf("[isolation] probe %s: %s after %.0f ms%n", path, answer, ms);
  }

  // --- one phase ----------------------------------------------------------------------------------

  private void measure(RuntimeUnderTest rt, String scenario, int round, String name, String heavyPath) {
    Path log = rt.workDir.resolve("runtime.log");
    long linesBefore = lineCount(log);
    Wrk.Running heavy = null;
    if (heavyPath != null) {
      heavy = Wrk.start(rt.url(heavyPath), 2, connections, seconds + 2, 30, thinkMs);
      RuntimeUnderTest.sleep(1000);
    }
    Wrk.Running light = Wrk.start(rt.url(UNTOUCHED), 1, 4, seconds, 10);
    long maxThreads = 0;
    while (light.process().isAlive()) {
      maxThreads = Math.max(maxThreads, rt.threads());
      RuntimeUnderTest.sleep(1000);
    }
    Wrk.Result l = light.await();
    Wrk.Result h = heavy == null ? null : heavy.await();
    RuntimeUnderTest.sleep(1000); // the request log's writer
    List<String> added = linesAfter(log, linesBefore);
    long requestLines = added.stream().filter(IsolationBench::isRequestLine).count();
    List<String> other = added.stream().filter(s -> !isRequestLine(s)).toList();
    Phase p = new Phase(scenario, round, name, l, h, maxThreads, requestLines, other.size(),
        other.stream().distinct().limit(3).map(s -> abbreviate(s, 200)).toList());
    phases.add(p);
    printRow(p);
    RuntimeUnderTest.sleep(2000);
  }

  private static boolean isRequestLine(String line) {
    return line.contains("\"GET /api/");
  }

  private static boolean logHasInitTimeout(RuntimeUnderTest rt) {
    try (Stream<String> lines = Files.lines(rt.workDir.resolve("runtime.log"))) {
      return lines.anyMatch(l -> l.contains("(backend.startup.initTimeout)"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static long lineCount(Path log) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static List<String> linesAfter(Path log, long skip) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.skip(skip).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static void requireClosed(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      throw new IllegalStateException("127.0.0.1:" + port + " accepts connections: the 'database down' scenario needs it closed");
    } catch (IOException expected) {
      // closed, as wanted
    }
  }

  // --- output -------------------------------------------------------------------------------------

  private static void printHeader() {
    System.out.println("| scenario | round | phase | untouched req/s | p50 ms | p99 ms | max ms | non-2xx | socket errors"
        + " | heavy target req/s | heavy p50 ms | heavy p99 ms | heavy non-2xx | heavy socket errors | runtime threads (max)"
        + " | request-log lines | other log lines |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  }

  private static void printRow(Phase p) {
    Wrk.Result l = p.light();
    Wrk.Result h = p.heavy();
    System.out.printf("| %s | %d | %s | %.0f | %.2f | %.2f | %.1f | %d | %s | %s | %s | %s | %s | %s | %d | %d | %d |%n",
        p.scenario(), p.round(), p.name(), l.requestsPerSecond(), l.latencyMs().get("p50"), l.latencyMs().get("p99"),
        l.latencyMs().getOrDefault("max", Double.NaN), l.non2xx(), l.socketErrors(),
        h == null ? "-" : String.format("%.0f", h.requestsPerSecond()),
        h == null ? "-" : String.format("%.2f", h.latencyMs().get("p50")),
        h == null ? "-" : String.format("%.2f", h.latencyMs().get("p99")),
        h == null ? "-" : Long.toString(h.non2xx()), h == null ? "-" : h.socketErrors(),
        p.maxThreads(), p.requestLogLines(), p.otherLogLines());
    for (String line : p.sampleLines()) {
      System.out.println("    log: " + line);
    }
  }

  private void summary() {
    System.out.println();
    System.out.println("### Isolation summary: untouched " + UNTOUCHED + ", medians over rounds; ratio = p99(phase) / p99(idle) of the same round (launch); target <= 2");
    System.out.println("| scenario | phase | rounds | p50 idle ms | p99 idle ms | p50 phase ms | p99 phase ms | p99 ratio per round | median ratio | p99 / p99(control) per round | median | untouched non-2xx |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    Map<String, List<Phase>> byScenarioPhase = new LinkedHashMap<>();
    for (Phase p : phases) {
      byScenarioPhase.computeIfAbsent(p.scenario() + "\u0000" + p.name(), k -> new ArrayList<>()).add(p);
    }
    for (var e : byScenarioPhase.entrySet()) {
      String[] key = e.getKey().split("\u0000");
      if (key[1].equals("idle")) {
        continue;
      }
      List<Double> idleP50 = new ArrayList<>();
      List<Double> idleP99 = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Double> vsControl = new ArrayList<>();
      long non2xx = 0;
      for (Phase p : e.getValue()) {
        Phase idle = phases.stream().filter(q -> q.scenario().equals(p.scenario()) && q.round() == p.round()
            && q.name().equals("idle")).findFirst().orElseThrow();
        idleP50.add(idle.light().latencyMs().get("p50"));
        idleP99.add(idle.light().latencyMs().get("p99"));
        p50.add(p.light().latencyMs().get("p50"));
        p99.add(p.light().latencyMs().get("p99"));
        ratios.add(p.light().latencyMs().get("p99") / idle.light().latencyMs().get("p99"));
        non2xx += p.light().non2xx();
        phases.stream().filter(q -> q.scenario().equals(p.scenario()) && q.round() == p.round()
            && q.name().equals("control")).findFirst()
            .ifPresent(c -> vsControl.add(p.light().latencyMs().get("p99") / c.light().latencyMs().get("p99")));
      }
      System.out.printf("| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %s | **%.2f** | %s | %.2f | %d |%n", key[0], key[1],
          ratios.size(), median(idleP50), median(idleP99), median(p50), median(p99),
          ratios.stream().map(v -> String.format("%.2f", v)).toList(), median(ratios),
          vsControl.stream().map(v -> String.format("%.2f", v)).toList(), median(vsControl), non2xx);
    }
  }

  private static double median(List<Double> values) {
    return new Percentiles(values).p(50);
  }

  private static String abbreviate(String s, int max) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
