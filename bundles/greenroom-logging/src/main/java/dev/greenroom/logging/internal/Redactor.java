package dev.greenroom.logging.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces secret config values by {@value #REDACTED} in log text. The secret set is swapped
 * atomically when the config changes, so a line is redacted with either the old or the new set.
 */
public final class Redactor {
  public static final String REDACTED = "[REDACTED]";

  private volatile Pattern pattern;
  /** Bumped on every update, so callers can cache what they redacted with the previous set. */
  private volatile int generation;

  public Redactor(Collection<String> secrets) {
    update(secrets);
  }

  /** Replaces the secret set; empty values are ignored (they would match everywhere). */
  public synchronized void update(Collection<String> secrets) {
    String alternatives = secrets.stream()
        .filter(s -> s != null && !s.isEmpty())
        .distinct()
        // Longest first: a secret that contains another one is redacted whole.
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
    pattern = alternatives.isEmpty() ? null : Pattern.compile(alternatives);
    generation++;
  }

  public int generation() {
    return generation;
  }

  public String redact(String text) {
    Pattern p = pattern;
    if (p == null || text == null) {
      return text;
    }
    return p.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
  }

  /** True when {@code text} holds a secret; lets callers skip copying what needs no redaction. */
  public boolean matches(String text) {
    Pattern p = pattern;
    return p != null && text != null && p.matcher(text).find();
  }
}
