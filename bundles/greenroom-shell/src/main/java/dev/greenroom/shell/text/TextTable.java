package dev.greenroom.shell.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A left-aligned text table: a header row, then one row per entry, columns separated by two
 * spaces. Only the last column may span several lines; its continuation lines are indented to
 * where that column starts. No line ends with spaces.
 */
final class TextTable {
  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "expected " + headers.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (int i = 0; i < cells.length; i++) {
      String text = Cells.text(cells[i]);
      row.add(i < cells.length - 1 ? text.replace('\n', ' ') : text);
    }
    rows.add(row);
    return this;
  }

  String render() {
    int last = headers.size() - 1;
    int[] widths = new int[headers.size()];
    for (int c = 0; c < last; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    int lastColumnStart = 0;
    for (int c = 0; c < last; c++) {
      lastColumnStart += widths[c] + GAP.length();
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths, lastColumnStart);
    for (List<String> row : rows) {
      out.append('\n');
      line(out, row, widths, lastColumnStart);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, int lastStart) {
    int last = cells.size() - 1;
    int lineStart = out.length();
    for (int c = 0; c < last; c++) {
      out.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length())).append(GAP);
    }
    String[] lines = cells.get(last).split("\n", -1);
    out.append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      strip(out, lineStart);
      out.append('\n');
      lineStart = out.length();
      out.append(" ".repeat(lastStart)).append(lines[i]);
    }
    strip(out, lineStart);
  }

  private static void strip(StringBuilder out, int lineStart) {
    int end = out.length();
    while (end > lineStart && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
  }
}
