package dev.greenroom.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link InitBenchmark} (any JMH command-line options may be given, e.g. {@code -f 1 -p
 * shape=50x3,400x3}; without a benchmark regexp, both {@code initStartStop} and {@code
 * coldInitStartStop}, each with the fork/iteration settings of its annotations) and
 * prints the time per plugin (with its modules) for every benchmark and shape, plus the per-plugin
 * ratio of each shape to the first shape of the same benchmark in this run.
 */
public final class InitBenchReport {
  /** The per-plugin budget, in ms per plugin with its modules. */
  static final double TARGET_MS_PER_PLUGIN = 0.5;

  private InitBenchReport() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      builder.include(InitBenchmark.class.getName() + "\\.(initStartStop|coldInitStartStop)$");
    }
    Options options = builder.build();
    Collection<RunResult> results = new Runner(options).run();

    List<String[]> rows = new ArrayList<>();
    Map<String, Double> firstPerPlugin = new HashMap<>();
    boolean allWithinTarget = true;
    for (RunResult run : results) {
      String benchmark = run.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String shape = run.getParams().getParam("shape");
      String[] pm = shape.split("x");
      int plugins = Integer.parseInt(pm[0]);
      int modules = Integer.parseInt(pm[1]);
      Result<?> r = run.getPrimaryResult();
      double toMs = toMillis(r.getScoreUnit());
      double score = r.getScore() * toMs;
      double error = r.getScoreError() * toMs;
      double perPlugin = score / plugins;
      double errPerPlugin = error / plugins;
      double perFeature = score / (plugins * (1 + modules));
      double first = firstPerPlugin.computeIfAbsent(method, k -> perPlugin);
      boolean steady = method.equals("initStartStop");
      if (steady) {
        allWithinTarget &= perPlugin <= TARGET_MS_PER_PLUGIN;
      }
      rows.add(new String[] {
        method,
        shape,
        fmt("%.2f ± %.2f", score, error),
        fmt("%.4f ± %.4f", perPlugin, errPerPlugin),
        fmt("%.4f", perFeature),
        fmt("%.2f", perPlugin / first),
        steady ? (perPlugin <= TARGET_MS_PER_PLUGIN ? "yes" : "NO") : "(cold, info)"
      });
    }

    System.out.println();
    System.out.println("Greenroom initializer: create + add + start + stop (mean ± 99.9% CI half-width)");
    String format = "%-18s  %-8s  %-18s  %-20s  %-10s  %-14s  %s%n";
    System.out.printf(Locale.ROOT, format,
        "benchmark", "shape", "ms/backend", "ms/plugin+modules", "ms/feature", "per-plugin/1st", "<= " + TARGET_MS_PER_PLUGIN + " ms?");
    for (String[] row : rows) {
      System.out.printf(Locale.ROOT, format, (Object[]) row);
    }
    System.out.println(allWithinTarget
        ? "Steady state: every shape within the per-plugin target."
        : "Steady state: per-plugin target MISSED.");
  }

  private static double toMillis(String unit) {
    switch (unit) {
      case "ms/op": return 1;
      case "us/op": return 1e-3;
      case "ns/op": return 1e-6;
      case "s/op": return 1e3;
      default: throw new IllegalStateException("expected a time per op, got " + unit);
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
