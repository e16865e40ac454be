package dev.greenroom.actions.internal;

import dev.greenroom.backend.api.services.ActionsServiceAction;
import dev.greenroom.backend.api.services.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code backend.actions.filter}: {@code include} and {@code exclude} rules, each an {@code id} glob
 * ({@code *} any characters) and/or {@code attributes} that must all match; excluded wins, and with
 * include rules an action must match one. As upstream's DefaultActionsService.applyFilters.
 */
final class ActionFilter {
  private record Rule(Pattern id, Boolean destructive, Boolean readOnly, Boolean idempotent) {
    boolean matches(ActionsServiceAction action) {
      if (id != null && !id.matcher(action.id()).matches()) {
        return false;
      }
      return (destructive == null || destructive == action.attributes().destructive())
          && (readOnly == null || readOnly == action.attributes().readOnly())
          && (idempotent == null || idempotent == action.attributes().idempotent());
    }
  }

  private final List<Rule> include;
  private final List<Rule> exclude;

  private ActionFilter(List<Rule> include, List<Rule> exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  static ActionFilter from(Optional<Config> filter) {
    if (filter.isEmpty()) {
      return new ActionFilter(List.of(), List.of());
    }
    return new ActionFilter(rules(filter.get(), "include"), rules(filter.get(), "exclude"));
  }

  boolean accepts(ActionsServiceAction action) {
    if (exclude.stream().anyMatch(r -> r.matches(action))) {
      return false;
    }
    return include.isEmpty() || include.stream().anyMatch(r -> r.matches(action));
  }

  private static List<Rule> rules(Config filter, String key) {
    List<Rule> rules = new ArrayList<>();
    for (Config rule : filter.getOptionalConfigArray(key).orElse(List.of())) {
      Pattern id = rule.getOptionalString("id").map(ActionFilter::glob).orElse(null);
      Optional<Config> attributes = rule.getOptionalConfig("attributes");
      rules.add(new Rule(id,
          attributes.flatMap(a -> a.getOptionalBoolean("destructive")).orElse(null),
          attributes.flatMap(a -> a.getOptionalBoolean("readOnly")).orElse(null),
          attributes.flatMap(a -> a.getOptionalBoolean("idempotent")).orElse(null)));
    }
    return rules;
  }

  /** A glob as a regular expression: {@code *} is any run of characters, {@code ?} one; the rest literal. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
