package dev.greenroom.backend.api.services;

import java.lang.reflect.Array;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Compact JSON for log metadata values, the way winston's {@code format.json()} writes them:
 * strings, numbers, booleans and null as themselves, maps as objects, lists and arrays as arrays,
 * a {@link Throwable} as {@code {"name", "message"}}, anything else as its {@code toString()} in a
 * string. Every string (keys included) can be passed through a filter first, so a logger can
 * redact secrets before they are escaped.
 */
public final class LogMetaJson {
  private static final int MAX_DEPTH = 16;

  private LogMetaJson() {}

  /** {@code value} as compact JSON. */
  public static String write(Object value) {
    return write(value, UnaryOperator.identity());
  }

  /** {@code value} as compact JSON, every string passed through {@code strings} first. */
  public static String write(Object value, UnaryOperator<String> strings) {
    StringBuilder out = new StringBuilder();
    append(out, value, strings, 0);
    return out.toString();
  }

  /**
   * Appends {@code "key":value} pairs of {@code meta} to {@code out}, each preceded by a comma, for
   * splicing into a JSON object that is already open.
   */
  public static void appendFields(StringBuilder out, Map<String, ?> meta, UnaryOperator<String> strings) {
    for (Map.Entry<String, ?> e : meta.entrySet()) {
      out.append(',');
      string(out, strings.apply(e.getKey()));
      out.append(':');
      append(out, e.getValue(), strings, 1);
    }
  }

  private static void append(StringBuilder out, Object value, UnaryOperator<String> strings, int depth) {
    if (depth > MAX_DEPTH) {
      string(out, "[too deep]");
    } else if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, strings.apply(s));
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Number n) {
      number(out, n, strings);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, strings.apply(String.valueOf(e.getKey())));
        out.append(':');
        append(out, e.getValue(), strings, depth + 1);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        append(out, item, strings, depth + 1);
      }
      out.append(']');
    } else if (value.getClass().isArray()) {
      out.append('[');
      for (int i = 0; i < Array.getLength(value); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, Array.get(value, i), strings, depth + 1);
      }
      out.append(']');
    } else if (value instanceof Throwable t) {
      out.append("{\"name\":");
      string(out, t.getClass().getSimpleName());
      out.append(",\"message\":");
      string(out, strings.apply(String.valueOf(t.getMessage())));
      out.append('}');
    } else if (value instanceof Enum<?> e) {
      string(out, strings.apply(e.toString()));
    } else {
      string(out, strings.apply(String.valueOf(value)));
    }
  }

  private static void number(StringBuilder out, Number n, UnaryOperator<String> strings) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())
        || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
      out.append("null"); // JSON.stringify(NaN) === 'null'
    } else if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof Double || n instanceof Float
        || n instanceof java.math.BigInteger || n instanceof java.math.BigDecimal) {
      out.append(n);
    } else {
      string(out, strings.apply(n.toString()));
    }
  }

  /** {@code s} as a JSON string literal. */
  public static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
