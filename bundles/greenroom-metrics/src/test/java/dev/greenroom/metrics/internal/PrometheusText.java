package dev.greenroom.metrics.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus text format 0.0.4 back into series, for assertions: {@code name{a="x",b="y"}}
 * (labels sorted) to value, and the {@code # TYPE} and {@code # HELP} lines by metric name.
 */
public final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  public final Map<String, Double> samples = new LinkedHashMap<>();
  public final Map<String, String> types = new LinkedHashMap<>();
  public final Map<String, String> help = new LinkedHashMap<>();

  public static PrometheusText parse(String text) {
    PrometheusText out = new PrometheusText();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] p = line.substring(7).split(" ", 2);
        out.types.put(p[0], p[1]);
      } else if (line.startsWith("# HELP ")) {
        String[] p = line.substring(7).split(" ", 2);
        out.help.put(p[0], p.length > 1 ? p[1] : "");
      } else if (!line.startsWith("#")) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
          throw new IllegalArgumentException("Not a Prometheus sample line: " + line);
        }
        out.samples.put(key(m.group(1), labels(m.group(2))), Double.parseDouble(m.group(3)));
      }
    }
    return out;
  }

  static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher m = LABEL.matcher(text);
    int at = 0;
    while (m.find() && m.start() == at) {
      labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
      at = m.end();
    }
    if (at != text.length()) {
      throw new IllegalArgumentException("Bad labels: " + text);
    }
    return labels;
  }

  /** {@code name{k="v",...}} with sorted labels: the key of {@link #samples}. */
  public static String key(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name).append('{');
    new TreeMap<>(labels).forEach((k, v) -> b.append(k).append("=\"").append(v).append("\","));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  /** The value of a series, or null. Labels as k, v, k, v... */
  public Double value(String name, String... labels) {
    Map<String, String> l = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      l.put(labels[i], labels[i + 1]);
    }
    return samples.get(key(name, l));
  }
}
