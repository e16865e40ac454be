package dev.greenroom.urlreader.internal;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A search URL's path split into the part without wildcards (read as a tree) and the glob the
 * files under it must match ({@code **}, {@code *}, {@code ?}, {@code {a,b}}, {@code [..]}: the
 * JDK's glob syntax, close to upstream's minimatch for these forms).
 */
record Glob(String base, String pattern) {
  static Glob split(String path) {
    String[] segments = path.split("/", -1);
    StringBuilder base = new StringBuilder();
    int i = 0;
    for (; i < segments.length; i++) {
      if (hasWildcard(segments[i])) {
        break;
      }
      if (i > 0) {
        base.append('/');
      }
      base.append(segments[i]);
    }
    if (i == segments.length) {
      return new Glob(path, null);
    }
    StringBuilder pattern = new StringBuilder();
    for (int j = i; j < segments.length; j++) {
      if (j > i) {
        pattern.append('/');
      }
      pattern.append(segments[j]);
    }
    return new Glob(base.toString(), pattern.toString());
  }

  boolean isPattern() {
    return pattern != null;
  }

  /** Matches a path relative to {@link #base()}. */
  PathMatcher matcher() {
    // "**/x" must also match "x" at the top, as minimatch does
    String p = pattern.startsWith("**/") ? "{" + pattern.substring(3) + "," + pattern + "}" : pattern;
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p);
    return path -> m.matches(Path.of(path.toString()));
  }

  private static boolean hasWildcard(String segment) {
    return segment.contains("*") || segment.contains("?") || segment.contains("{") || segment.contains("[");
  }
}
