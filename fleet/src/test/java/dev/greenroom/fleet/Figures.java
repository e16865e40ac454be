package dev.greenroom.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fleet run measured and how each case ended, written to {@code target/fleet/figures.md} (and printed)
 * when the suite ends. Timings are figures to read, never assertions.
 */
final class Figures {
  private final Map<String, String> facts = new LinkedHashMap<>();
  private final Map<String, List<Double>> samples = new LinkedHashMap<>();
  private final Map<String, String> cases = new LinkedHashMap<>();

  synchronized void fact(String name, Object value) {
    facts.put(name, String.valueOf(value));
  }

  synchronized void millis(String name, double millis) {
    facts.put(name, String.format(java.util.Locale.ROOT, "%.0f ms", millis));
  }

  synchronized void sample(String series, double millis) {
    samples.computeIfAbsent(series, k -> new ArrayList<>()).add(millis);
  }

  synchronized void caseResult(String name, String result) {
    cases.put(name, result);
  }

  synchronized void caseResultIfAbsent(String name, String result) {
    cases.putIfAbsent(name, result);
  }

  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  synchronized String markdown() {
    StringBuilder out = new StringBuilder("# Mixed-fleet run\n\n| figure | value |\n|---|---|\n");
    facts.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    if (!samples.isEmpty()) {
      out.append("\n| latency (ms) | calls | median | p90 | min | max |\n|---|---|---|---|---|---|\n");
      samples.forEach((k, v) -> out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |\n", k,
          v.size(), percentile(v, 0.5), percentile(v, 0.9), percentile(v, 0.0), percentile(v, 1.0))));
    }
    out.append("\n| case | result |\n|---|---|\n");
    cases.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return out.toString();
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    String text = markdown();
    Files.writeString(file, text, StandardCharsets.UTF_8);
    System.out.println(text);
  }
}
