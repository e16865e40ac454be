package dev.greenroom.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 15: where a start's time goes. One launch of the exported runtime with N x M synthetic
 * bundles in {@code deploy/} and JFR on ({@code settings=profile}: 10-20 ms execution samples);
 * at the first 200 on {@code /api/p0/hello} it reads every thread's CPU time from
 * {@code /proc/<pid>/task/<tid>/stat} (JIT and GC threads included, which JFR's execution samples
 * do not see) and dumps the recording. {@code bench/jfr-phases.py} turns the recording into
 * per-phase figures.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.greenroom.bench.startup.ProfileStartup \
 *     --runtime features/target/runtime.jar --work DIR --size 100x5 [--jvm-args "..."] [--no-jfr] [--nmt]
 *     [--launcher bin/greenroom]
 * </pre>
 */
public final class ProfileStartup {
  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    String launcherArg = StartupBench.arg(args, "--launcher", "");
    RuntimeUnderTest.launcher = launcherArg.isEmpty() ? null : Path.of(launcherArg).toAbsolutePath();
    Path runtime = Path.of(StartupBench.arg(args, "--runtime", "features/target/runtime.jar")).toAbsolutePath();
    Path work = Path.of(StartupBench.arg(args, "--work", Files.createTempDirectory("greenroom-profile").toString()));
    int[] size = StartupBench.parseSizes(StartupBench.arg(args, "--size", "100x5")).get(0);
    String jvm = StartupBench.arg(args, "--jvm-args", "").trim();
    boolean jfr = !List.of(args).contains("--no-jfr");
    boolean nmt = List.of(args).contains("--nmt");
    Path dir = Files.createDirectories(work.resolve("profile-" + size[0] + "x" + size[1]));
    Path recording = dir.resolve("startup.jfr").toAbsolutePath();
    List<String> jvmArgs = new ArrayList<>(jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")));
    if (nmt) {
      jvmArgs.add("-XX:NativeMemoryTracking=summary");
    }
    if (jfr) {
      jvmArgs.add("-XX:StartFlightRecording=name=startup,settings=profile,filename=" + recording);
    }
    System.out.printf("[profile] %dx%d, JVM args %s, load average %s%n", size[0], size[1], jvmArgs, StartupBench.loadAverage());
    try (RuntimeUnderTest rt = new RuntimeUnderTest(runtime, dir)) {
      SyntheticBundles.generate(rt.deploy, size[0], size[1]);
      rt.start(1000, jvmArgs);
      double first = rt.awaitOk("/api/p0/hello", Duration.ofMinutes(10));
      Map<String, long[]> cpu = threadCpu(rt.pid());
      System.out.printf("[profile] first 200 at %.0f ms, peak RSS so far %.0f MiB, load average %s%n", first, rt.peakRssMib(),
          StartupBench.loadAverage());
      long total = cpu.values().stream().mapToLong(v -> v[0]).sum();
      long process = processCpuMs(rt.pid());
      System.out.printf("[profile] CPU at first 200: %d ms for the process (threads that ended included), by live thread group (%d ms):%n",
          process, total);
      cpu.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
          .forEach(e -> System.out.printf("  %-28s %6d ms  (%d threads)%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
      if (jfr) {
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(rt.pid()), "JFR.dump", "name=startup", "filename=" + recording).inheritIO().start();
        dump.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("[profile] recording %s (first 200 at %.0f ms after spawn)%n", recording, first);
      }
      Files.writeString(dir.resolve("first200.txt"), String.format("%.0f%n", first));
      if (nmt) {
        RuntimeUnderTest.sleep(2000); // where the peak RSS is read, as in the startup section
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(rt.pid()), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        Files.writeString(dir.resolve("nmt.txt"), out);
        System.out.printf("[profile] 2 s after the first 200: RSS %.0f MiB, peak %.0f MiB, %d threads; NMT (committed MB):%n",
            rt.rssMib(), rt.peakRssMib(), rt.threads());
        out.lines().filter(l -> l.contains("committed=") && (l.startsWith("Total") || l.startsWith("-")))
            .forEach(l -> System.out.println("  " + l.trim()));
      }
    }
  }

  /** utime + stime of the whole process (live and ended threads), in ms. */
  static long processCpuMs(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  /** utime + stime per thread-name group, in ms, from /proc/pid/task/tid/stat. */
  static Map<String, long[]> threadCpu(long pid) throws IOException {
    long tick = 10; // USER_HZ is 100 on Linux
    Map<String, long[]> groups = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
        long[] g = groups.computeIfAbsent(group(name), k -> new long[2]);
        g[0] += ms;
        g[1]++;
      }
    }
    return groups;
  }

  private static String group(String thread) {
    if (thread.startsWith("C2 Compiler") || thread.startsWith("C1 Compiler")) {
      return "JIT (" + thread.substring(0, 2) + ")";
    }
    if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.startsWith("VM Thread")) {
      return "GC + VM thread";
    }
    if (thread.startsWith("java")) {
      return "main (launcher, framework)";
    }
    if (thread.startsWith("fileinstall")) {
      return "FileInstall";
    }
    if (thread.startsWith("SCR") || thread.startsWith("CM ")) {
      return "SCR / ConfigAdmin";
    }
    if (thread.startsWith("qtp") || thread.startsWith("jetty") || thread.startsWith("paxweb")) {
      return "Jetty / Pax Web";
    }
    if (thread.startsWith("greenroom") || thread.startsWith("pool-")) {
      return "Greenroom (" + thread.replaceAll("[-0-9]+$", "") + ")";
    }
    if (thread.startsWith("JFR") || thread.startsWith("JFR ")) {
      return "JFR";
    }
    return thread.replaceAll("[-#0-9 ]+$", "");
  }

  private ProfileStartup() {}
}
