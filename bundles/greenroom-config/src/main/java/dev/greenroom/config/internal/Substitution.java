package dev.greenroom.config.internal;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backstage's substitution transform: {@code ${VAR}} is replaced by the (trimmed) env var,
 * {@code ${VAR:-fallback}} uses the fallback when the var is unset or empty, {@code $${...}}
 * escapes to a literal {@code ${...}}. If any variable is unset the whole value is undefined
 * (null here), which removes the key.
 */
public final class Substitution {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{[^{}]*}");

  private final Function<String, String> env;

  /** {@code env} returns a variable's value or null; values are trimmed as Backstage does. */
  public Substitution(Function<String, String> env) {
    this.env = name -> {
      String v = env.apply(name);
      return v == null ? null : v.strip();
    };
  }

  /** The trimmed value of an env var, or null. */
  public String env(String name) {
    return env.apply(name);
  }

  /** The substituted string, or null when a referenced variable is unset. */
  public String apply(String input) {
    Matcher m = PLACEHOLDER.matcher(input);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(input, last, m.start());
      String part = m.group();
      if (part.startsWith("$$")) {
        out.append(part.substring(1));
      } else {
        String replacement = resolve(part.substring(2, part.length() - 1));
        if (replacement == null) {
          return null;
        }
        out.append(replacement);
      }
      last = m.end();
    }
    out.append(input.substring(last));
    return out.toString();
  }

  private String resolve(String expression) {
    int sep = expression.indexOf(":-");
    if (sep < 0) {
      return env.apply(expression.strip());
    }
    String value = env.apply(expression.substring(0, sep).strip());
    // JavaScript's `value || fallback`: an empty value falls back too
    return value == null || value.isEmpty() ? expression.substring(sep + 2) : value;
  }
}
