package dev.greenroom.bench.startup;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {
  private final double[] sorted;

  Percentiles(List<Double> sample) {
    this.sorted = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  double p(double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }

  @Override
  public String toString() {
    return Arrays.toString(sorted);
  }
}
