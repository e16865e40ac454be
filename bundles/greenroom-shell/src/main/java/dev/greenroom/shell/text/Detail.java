package dev.greenroom.shell.text;

/**
 * How much to print. Mirrors Gogo's {@code Converter.INSPECT}, {@code LINE} and {@code PART}
 * without importing Gogo: the shell prints a command's result at {@link #INSPECT}, the elements
 * of a collection at {@link #LINE}, and nested values at {@link #PART}.
 */
public enum Detail {
  /** Everything: tables, detail blocks. */
  INSPECT,
  /** One line. */
  LINE,
  /** A short reference, usually the id. */
  PART;

  /** Gogo's level numbers: 0 inspect, 1 line, 2 part; anything else is treated as part. */
  public static Detail ofGogoLevel(int level) {
    return switch (level) {
      case 0 -> INSPECT;
      case 1 -> LINE;
      default -> PART;
    };
  }
}
