package dev.greenroom.auth.backend.internal;

import java.util.List;
import java.util.Map;

/**
 * Flat JSON objects as JavaScript's {@code JSON.stringify} writes them, keys in the given order: the
 * limited-token proof is a signature over these exact bytes, which core.auth rebuilds the same way.
 */
final class JsText {
  private JsText() {}

  static String object(List<Map.Entry<String, Object>> entries) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> e : entries) {
      if (out.length() > 1) {
        out.append(',');
      }
      string(out, e.getKey());
      out.append(':');
      if (e.getValue() instanceof Number n) {
        out.append(n.longValue());
      } else {
        string(out, String.valueOf(e.getValue()));
      }
    }
    return out.append('}').toString();
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
          if (c < 0x20) {
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
