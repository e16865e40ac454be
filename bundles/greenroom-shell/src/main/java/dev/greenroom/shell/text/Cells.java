package dev.greenroom.shell.text;

import java.time.Instant;

/** Cell values: absent values print as {@code -}, times as UTC instants, durations in ms. */
final class Cells {
  static final String NONE = "-";

  private Cells() {}

  static String text(Object value) {
    if (value == null) {
      return NONE;
    }
    String s = value.toString();
    return s.isBlank() ? NONE : s;
  }

  /** Epoch millis, -1 (or less) when not reached. */
  static String instant(long epochMillis) {
    return epochMillis < 0 ? NONE : Instant.ofEpochMilli(epochMillis).toString();
  }

  /** A duration in millis; negative means not measured. */
  static String millis(long millis) {
    return millis < 0 ? NONE : millis + " ms";
  }

  /** The first line of a possibly multi-line text. */
  static String firstLine(String text) {
    if (text == null) {
      return NONE;
    }
    int eol = text.indexOf('\n');
    return eol < 0 ? text : text.substring(0, eol).stripTrailing() + " ...";
  }
}
