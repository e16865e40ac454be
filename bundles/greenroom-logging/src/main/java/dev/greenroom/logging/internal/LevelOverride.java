package dev.greenroom.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.event.Level;

/**
 * One entry of {@code backend.logger.overrides}: lines whose fields match every matcher are
 * filtered at {@code level} instead of the global level. Backstage's {@code
 * WinstonLoggerLevelOverride} ({@code
 * packages/backend-defaults/src/entrypoints/rootLogger/utils.ts}): a matcher is a value (equal), a
 * string {@code /pattern/flags} (a regular expression the field must contain a match of) or a list
 * of those (any).
 */
record LevelOverride(Map<String, Object> matchers, Level level, Predicate<Function<String, Object>> predicate) {

  static LevelOverride of(Map<String, Object> matchers, Level level) {
    List<Map.Entry<String, Predicate<Object>>> fields = new ArrayList<>();
    matchers.forEach((key, matcher) -> fields.add(Map.entry(key, fieldMatcher(matcher))));
    Predicate<Function<String, Object>> all = line -> {
      for (Map.Entry<String, Predicate<Object>> f : fields) {
        if (!f.getValue().test(line.apply(f.getKey()))) {
          return false;
        }
      }
      return true;
    };
    return new LevelOverride(Map.copyOf(matchers), level, all);
  }

  /** Whether a line whose fields {@code line} gives matches every matcher. */
  boolean matches(Function<String, Object> line) {
    return predicate.test(line);
  }

  private static Predicate<Object> fieldMatcher(Object matcher) {
    if (matcher instanceof List<?> list) {
      List<Predicate<Object>> any = list.stream().map(LevelOverride::fieldMatcher).toList();
      return field -> any.stream().anyMatch(p -> p.test(field));
    }
    if (matcher instanceof String s) {
      Pattern regex = regex(s);
      if (regex != null) {
        return field -> field instanceof String text && regex.matcher(text).find();
      }
    }
    if (matcher instanceof Number n) {
      // config numbers arrive as doubles, meta numbers as ints or longs
      return field -> field instanceof Number f && f.doubleValue() == n.doubleValue();
    }
    return field -> Objects.equals(field, matcher);
  }

  /** {@code /pattern/flags} as a regular expression, or null for a plain string (upstream's parseRegex). */
  static Pattern regex(String s) {
    if (!s.startsWith("/")) {
      return null;
    }
    int last = s.lastIndexOf('/');
    if (last <= 0) {
      return null;
    }
    String pattern = s.substring(1, last);
    int flags = 0;
    for (char c : s.substring(last + 1).toCharArray()) {
      switch (c) {
        case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'm' -> flags |= Pattern.MULTILINE;
        case 's' -> flags |= Pattern.DOTALL;
        case 'u', 'g', 'y', 'd' -> { }
        default -> {
          return null; // not a flag: treat the whole string as a plain value, as upstream does
        }
      }
    }
    try {
      return Pattern.compile(pattern, flags);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
