package dev.greenroom.config.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JavaScript value semantics the config reader mirrors: Backstage's {@code typeOf} names and
 * {@code Number(string)} conversion, plus deep copies/merges of parsed trees.
 */
public final class JsValues {
  /** Backstage's CONFIG_KEY_PART_PATTERN (config and config-loader packages). */
  public static final Pattern KEY_PART = Pattern.compile("^[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)*$", Pattern.CASE_INSENSITIVE);

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private JsValues() {}

  public static boolean isObject(Object v) {
    return v instanceof Map;
  }

  /** Backstage's {@code typeOf}: null, array, nan, empty-string, or the JS typeof name. */
  public static String typeOf(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof Map) {
      return "object";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Double d && d.isNaN()) {
      return "nan";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof String s && s.isEmpty()) {
      return "empty-string";
    }
    return "string";
  }

  /** JavaScript's {@code Number(s)}; null where JS gives NaN or a non-finite number. */
  public static Double toFiniteNumber(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0.0;
    }
    try {
      String lower = t.toLowerCase();
      if (lower.startsWith("0x")) {
        return new BigInteger(t.substring(2), 16).doubleValue();
      }
      if (lower.startsWith("0o")) {
        return new BigInteger(t.substring(2), 8).doubleValue();
      }
      if (lower.startsWith("0b")) {
        return new BigInteger(t.substring(2), 2).doubleValue();
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (!DECIMAL.matcher(t).matches()) {
      return null;
    }
    double d = Double.parseDouble(t);
    return Double.isFinite(d) ? d : null;
  }

  /** Numbers as the reader hands them out: Integer/Long stay, big or decimal values become Double. */
  public static Object normalizeNumber(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Double) {
      return n;
    }
    if (n instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (n instanceof Short || n instanceof Byte) {
      return n.intValue();
    }
    if (n instanceof BigDecimal || n instanceof Float || n instanceof BigInteger) {
      return n.doubleValue();
    }
    return n.doubleValue();
  }

  /** A deep, unmodifiable copy of a parsed tree. */
  @SuppressWarnings("unchecked")
  public static Object freeze(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), freeze(val)));
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(item -> out.add(freeze(item)));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Number n) {
      return normalizeNumber(n);
    }
    return v;
  }

  /**
   * Deep-merges {@code overlay} onto {@code base}: objects merge key by key, anything else
   * (arrays included) is replaced by the overlay. Inputs are not modified.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    overlay.forEach((k, v) -> {
      Object existing = out.get(k);
      if (existing instanceof Map<?, ?> em && v instanceof Map<?, ?> vm) {
        out.put(k, merge((Map<String, Object>) em, (Map<String, Object>) vm));
      } else {
        out.put(k, v);
      }
    });
    return out;
  }
}
