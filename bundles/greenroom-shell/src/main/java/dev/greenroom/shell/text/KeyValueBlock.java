package dev.greenroom.shell.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A titled block of aligned {@code Key: value} lines, the title underlined (Felix SCR's
 * {@code scr:info} layout). Multi-line values continue under the value column.
 */
final class KeyValueBlock {
  private final String title;
  private final char underline;
  private final Map<String, String> entries = new LinkedHashMap<>();

  KeyValueBlock(String title, char underline) {
    this.title = title;
    this.underline = underline;
  }

  KeyValueBlock put(String key, Object value) {
    entries.put(key, Cells.text(value));
    return this;
  }

  String render() {
    int width = 0;
    for (String key : entries.keySet()) {
      width = Math.max(width, key.length() + 1);
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    out.append(String.valueOf(underline).repeat(title.length()));
    String indent = " ".repeat(width + 1);
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String label = e.getKey() + ":";
      out.append('\n').append(label).append(" ".repeat(width - label.length() + 1));
      out.append(e.getValue().replace("\n", "\n" + indent));
    }
    return out.toString().replaceAll("(?m) +$", "");
  }
}
