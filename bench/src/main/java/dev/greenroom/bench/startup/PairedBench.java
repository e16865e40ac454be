package dev.greenroom.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15: Greenroom's exported runtime and the real Backstage backend ({@code ../shared/peer},
 * installed by its {@code setup.sh}) started side by side for the same N plugins x M modules,
 * interleaved rep by rep (the order within a rep alternates), each measured from spawn to the first
 * 200 on {@code /api/p0/hello}, to every plugin serving, and for its peak RSS ({@code VmHWM} 2 s after all plugins answer,
 * Backstage: 2 s after readiness). Prints every launch with the load average, then medians and the
 * Greenroom/Backstage ratios as a markdown table. With {@code --baseline}, a second Greenroom
 * runtime (an older build) is launched in the same reps, for a before/after under the same load.
 * A launch that fails is reported and left out of the medians ({@code n} column).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.greenroom.bench.startup.PairedBench \
 *     --runtime features/target/runtime.jar --peer /work/peer --peer-harness ../shared/peer \
 *     [--work DIR] [--sizes 1x0,100x5,300x3] [--reps 3] [--jvm-args "-Xshare:auto ..."]
 *     [--baseline other/runtime.jar [--baseline-alike | --baseline-jvm-args "..."]] [--launcher bin/greenroom]
 * </pre>
 */
public final class PairedBench {
  private static final Pattern PEER_LINE =
      Pattern.compile("(\\d+)x(\\d+) rep\\d+: first200=(\\d+)ms ready=(\\d+)ms hwm=(\\d+)MiB");

  /** {@code allMs}: every plugin serving (Greenroom: the last {@code /api/p<i>/hello} answered; Backstage: readiness 200). */
  record Sample(double firstMs, double allMs, double peakRssMib, String load) {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    String launcherArg = StartupBench.arg(args, "--launcher", "");
    RuntimeUnderTest.launcher = launcherArg.isEmpty() ? null : Path.of(launcherArg).toAbsolutePath();
    Path runtime = Path.of(StartupBench.arg(args, "--runtime", "features/target/runtime.jar")).toAbsolutePath();
    Path peer = Path.of(StartupBench.arg(args, "--peer", "/work/peer")).toAbsolutePath();
    Path harness = Path.of(StartupBench.arg(args, "--peer-harness", "../shared/peer")).toAbsolutePath();
    Path work = Path.of(StartupBench.arg(args, "--work", Files.createTempDirectory("greenroom-paired-bench").toString()));
    List<int[]> sizes = StartupBench.parseSizes(StartupBench.arg(args, "--sizes", "1x0,100x5,300x3"));
    int reps = Integer.parseInt(StartupBench.arg(args, "--reps", "3"));
    String jvm = StartupBench.arg(args, "--jvm-args", "").trim();
    List<String> jvmArgs = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
    if (!Files.isRegularFile(runtime)) {
      throw new IllegalArgumentException("runtime jar " + runtime + " not found: `mvn -B install -DskipTests` first");
    }
    if (!Files.isDirectory(peer.resolve("node_modules"))) {
      throw new IllegalArgumentException(peer + " has no node_modules: install the peer with " + harness.resolve("setup.sh") + " " + peer);
    }
    Files.createDirectories(work);
    System.out.printf("[paired] runtime %s%s, JVM args %s; peer %s (harness %s); work %s; %d cores; load average %s%n",
        runtime, RuntimeUnderTest.launcher == null ? " (java -jar)" : " via " + RuntimeUnderTest.launcher, jvmArgs, peer, harness, work,
        Runtime.getRuntime().availableProcessors(), StartupBench.loadAverage());
    String baselineArg = StartupBench.arg(args, "--baseline", "");
    Path baseline = baselineArg.isEmpty() ? null : Path.of(baselineArg).toAbsolutePath();
    // an A/B of two builds: the baseline through the same launcher and JVM options
    boolean baselineAlike = List.of(args).contains("--baseline-alike");
    // an A/B of JVM options: the baseline through the same launcher with these options instead
    String baselineJvm = StartupBench.arg(args, "--baseline-jvm-args", "").trim();
    List<String> baselineJvmArgs = baselineJvm.isEmpty() ? List.of() : List.of(baselineJvm.split("\\s+"));
    baselineAlike |= !baselineJvm.isEmpty();
    List<String> sides = new ArrayList<>(List.of("greenroom", "backstage"));
    if (baseline != null) {
      sides.add("baseline");
      System.out.printf("[paired] baseline Greenroom runtime %s, launched in the same reps%n", baseline);
      if (baselineAlike && RuntimeUnderTest.launcher != null) {
        warnWithoutUsableArchive(baseline);
      }
    }
    Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
    for (int rep = 0; rep < reps; rep++) {
      for (int[] size : sizes) {
        String key = size[0] + "x" + size[1];
        // rotate who goes first, so a drift within a rep does not always favour the same side
        for (int k = 0; k < sides.size(); k++) {
          String side = sides.get((k + rep) % sides.size());
          String load = StartupBench.loadAverage();
          Sample s;
          try {
            if (side.equals("backstage")) {
              s = peer(harness, peer, size, load);
            } else {
              Path dir = Files.createDirectories(work.resolve(side + "-" + key + "-r" + rep));
              // the baseline is launched as it was: java -jar, no launcher, no extra JVM options
              Path launcher = RuntimeUnderTest.launcher;
              boolean base = side.equals("baseline");
              StartupBench.StartFigures f;
              try {
                RuntimeUnderTest.launcher = base && !baselineAlike ? null : launcher;
                f = StartupBench.launch(dir, base ? baseline : runtime, size[0], size[1], false,
                    !base ? jvmArgs : !baselineAlike ? List.of() : baselineJvm.isEmpty() ? jvmArgs : baselineJvmArgs);
              } finally {
                RuntimeUnderTest.launcher = launcher;
              }
              s = new Sample(f.firstMs(), f.allMs(), f.peakRssMib(), load);
            }
          } catch (RuntimeException e) {
            System.out.printf("[paired] rep %d %s %s FAILED (load %s): %s%n", rep, key, side, load, e.getMessage());
            continue;
          }
          samples.computeIfAbsent(side, x -> new LinkedHashMap<>()).computeIfAbsent(key, x -> new ArrayList<>()).add(s);
          System.out.printf("[paired] rep %d %s %s: first 200 %.0f ms, all serving %.0f ms, peak RSS %.0f MiB (load %s)%n",
              rep, key, side, s.firstMs(), s.allMs(), s.peakRssMib(), load);
        }
      }
    }
    System.out.println();
    System.out.printf("## Paired startup, %d interleaved reps, medians (load average at the end %s)%n", reps, StartupBench.loadAverage());
    table(sizes, samples.getOrDefault("backstage", Map.of()), samples.getOrDefault("greenroom", Map.of()), "Greenroom");
    if (baseline != null) {
      System.out.println();
      System.out.println("Baseline (" + baseline.getFileName() + ") in the same reps:");
      table(sizes, samples.getOrDefault("backstage", Map.of()), samples.getOrDefault("baseline", Map.of()), "baseline");
    }
  }

  private static void table(List<int[]> sizes, Map<String, List<Sample>> backstage, Map<String, List<Sample>> greenroom, String name) {
    System.out.println("| N x M | Backstage | " + name + " | ratio | peak RSS Backstage | " + name + " | ratio | load (1 min) at the launches, Backstage / " + name + " | n |"
        + " all serving: Backstage (readiness) | " + name + " (every plugin) | ratio |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (int[] size : sizes) {
      String key = size[0] + "x" + size[1];
      List<Sample> g = greenroom.getOrDefault(key, List.of());
      List<Sample> b = backstage.getOrDefault(key, List.of());
      if (g.isEmpty() || b.isEmpty()) {
        System.out.printf("| %d x %d | (no successful launch on one side) |%n", size[0], size[1]);
        continue;
      }
      double gs = median(g.stream().map(Sample::firstMs).toList());
      double bs = median(b.stream().map(Sample::firstMs).toList());
      double gr = median(g.stream().map(Sample::peakRssMib).toList());
      double br = median(b.stream().map(Sample::peakRssMib).toList());
      String loads = String.join(", ", b.stream().map(x -> x.load().split(" ")[0]).toList()) + " / "
          + String.join(", ", g.stream().map(x -> x.load().split(" ")[0]).toList());
      double ga = median(g.stream().map(Sample::allMs).toList());
      double ba = median(b.stream().map(Sample::allMs).toList());
      System.out.printf("| %d x %d | %,.0f ms | %,.0f ms | %.2f | %.0f MiB | %.0f MiB | %.2f | %s | %d/%d | %,.0f ms | %,.0f ms | %.2f |%n",
          size[0], size[1], bs, gs, gs / bs, br, gr, gr / br, loads, b.size(), g.size(), ba, ga, ga / ba);
    }
  }

  /** One Backstage launch of the peer harness: {@code run.sh WORK startup --configs NxM --reps 1}. */
  private static Sample peer(Path harness, Path peer, int[] size, String load) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", harness.resolve("run.sh").toString(), peer.toString(), "startup",
        "--configs", size[0] + "x" + size[1], "--reps", "1").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("peer run failed:\n" + out);
    }
    Matcher m = PEER_LINE.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no startup line in the peer's output:\n" + out);
    }
    return new Sample(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), load);
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private PairedBench() {}

  /**
   * bin/greenroom uses {@code <jar>.jsa} when it is newer than the jar, and the JVM drops an archive
   * trained for another jar path without a word: a baseline jar copied with the build's archive
   * then starts without class-data sharing and loses every A/B by a few hundred milliseconds (seen
   * in round 4, bench/README.md). {@code -Xshare:on} makes the JVM say whether it can use it.
   */
  static void warnWithoutUsableArchive(Path jar) {
    String name = jar.getFileName().toString();
    Path jsa = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    boolean usable = false;
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + jsa, "-Xshare:on", "-cp", jar.toString(), "-version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      usable = Files.isRegularFile(jsa) && p.waitFor() == 0;
    } catch (IOException e) {
      usable = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!usable) {
      System.out.printf("[paired] WARNING: %s has no class-data-sharing archive trained for its path, so it starts without one;"
          + " train one first: java features/src/cds/CdsTraining.java %s %s %s%n", jar, jar, jsa, jar.resolveSibling("cds-training"));
    }
  }
}
