package dev.greenroom.metrics.internal;

import java.util.Locale;
import java.util.Map;

/**
 * OpenTelemetry's UCUM units as the words Prometheus names end with, the mapping OpenTelemetry's
 * Prometheus exporter makes (opentelemetry-specification, compatibility/prometheus_and_openmetrics.md:
 * {@code s} to {@code seconds}, {@code By} to {@code bytes}, ...). Annotations in braces ({@code
 * {request}}) and the dimensionless {@code 1} give no suffix.
 */
final class Units {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("d", "days"),
      Map.entry("h", "hours"),
      Map.entry("min", "minutes"),
      Map.entry("s", "seconds"),
      Map.entry("ms", "milliseconds"),
      Map.entry("us", "microseconds"),
      Map.entry("ns", "nanoseconds"),
      Map.entry("By", "bytes"),
      Map.entry("KiBy", "kibibytes"),
      Map.entry("MiBy", "mebibytes"),
      Map.entry("GiBy", "gibibytes"),
      Map.entry("KBy", "kilobytes"),
      Map.entry("MBy", "megabytes"),
      Map.entry("GBy", "gigabytes"),
      Map.entry("%", "percent"));

  private Units() {}

  /** The base unit word for {@code unit}, or null for none. */
  static String baseUnit(String unit) {
    if (unit == null || unit.isBlank() || unit.equals("1") || unit.startsWith("{")) {
      return null;
    }
    String word = WORDS.get(unit);
    if (word != null) {
      return word;
    }
    String plain = unit.replaceAll("\\{[^}]*}", "").trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return plain.isEmpty() || plain.equals("_") ? null : plain;
  }
}
