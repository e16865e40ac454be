package dev.greenroom.auth.internal.user;

import java.util.List;
import java.util.Map;

/**
 * Serialises flat JSON objects byte-for-byte as JavaScript's {@code JSON.stringify} does, in the
 * given key order. Limited user tokens reuse a signature the auth backend computed over its own
 * serialisation, so a JSON library's formatting choices (HTML escaping, number forms) won't do.
 */
final class JsonText {
  private JsonText() {}

  static String object(List<Map.Entry<String, Object>> entries) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> e : entries) {
      if (e.getValue() == null) {
        continue; // JSON.stringify drops undefined
      }
      if (out.length() > 1) {
        out.append(',');
      }
      string(out, e.getKey());
      out.append(':');
      value(out, e.getValue());
    }
    return out.append('}').toString();
  }

  private static void value(StringBuilder out, Object v) {
    if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      out.append(d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d));
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (v instanceof java.util.Date d) {
      out.append(d.getTime() / 1000);
    } else {
      string(out, String.valueOf(v));
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
