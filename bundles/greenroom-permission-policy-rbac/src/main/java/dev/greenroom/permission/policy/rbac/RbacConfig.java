package dev.greenroom.permission.policy.rbac;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.PermissionAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code permission.rbac}, read and checked once: admins, named roles, ordered rules and the
 * default result. Every mistake is an {@link IllegalArgumentException} naming the key.
 *
 * @param admins entity refs (users or groups) allowed everything
 * @param rules the rules, first match wins
 * @param defaultAllow the result when no rule matches (default: deny)
 */
record RbacConfig(Set<String> admins, List<Rule> rules, boolean defaultAllow) {
  static final String KEY = "permission.rbac";
  private static final Set<String> TOP_KEYS = Set.of("admins", "roles", "rules", "defaultResult");
  private static final Set<String> RULE_KEYS = Set.of("permission", "action", "users", "roles", "result");

  /**
   * One rule.
   *
   * @param permissions permission names, or {@code *} for any
   * @param actions the actions it applies to; empty for any
   * @param members entity refs of users and groups ({@code *}: any signed-in user), roles expanded
   * @param allow the result when the rule matches
   */
  record Rule(Set<String> permissions, Set<PermissionAction> actions, Set<String> members, boolean allow) {}

  static RbacConfig read(Config root) {
    Optional<Config> section = root.getOptionalConfig(KEY);
    if (section.isEmpty()) {
      return new RbacConfig(Set.of(), List.of(), false);
    }
    Config rbac = section.get();
    unknownKeys(rbac, KEY, TOP_KEYS);
    Set<String> admins = refs(rbac, "admins", KEY + ".admins");
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    rbac.getOptionalConfig("roles").ifPresent(r -> {
      for (String name : r.keys()) {
        roles.put(name, refs(r, name, KEY + ".roles." + name));
      }
    });
    List<Rule> rules = new ArrayList<>();
    List<Config> ruleConfigs = rbac.getOptionalConfigArray("rules").orElse(List.of());
    for (int i = 0; i < ruleConfigs.size(); i++) {
      rules.add(rule(ruleConfigs.get(i), KEY + ".rules[" + i + "]", roles));
    }
    boolean defaultAllow = result(rbac, "defaultResult", KEY + ".defaultResult", false);
    return new RbacConfig(admins, rules, defaultAllow);
  }

  private static Rule rule(Config c, String key, Map<String, Set<String>> roles) {
    unknownKeys(c, key, RULE_KEYS);
    if (!c.has("permission")) {
      throw new IllegalArgumentException("Missing 'permission' at '" + key + "': name the permission(s) the rule "
          + "applies to, or '*' for any");
    }
    Set<String> permissions = strings(c, "permission", key + ".permission");
    Set<PermissionAction> actions = new LinkedHashSet<>();
    for (String a : strings(c, "action", key + ".action")) {
      actions.add(action(a, key + ".action"));
    }
    Set<String> members = new LinkedHashSet<>(refs(c, "users", key + ".users"));
    List<String> roleNames = new ArrayList<>(strings(c, "roles", key + ".roles"));
    for (int i = 0; i < roleNames.size(); i++) {
      Set<String> role = roles.get(roleNames.get(i));
      if (role == null) {
        throw new IllegalArgumentException("Unknown role '" + roleNames.get(i) + "' at '" + key + ".roles[" + i
            + "]', expected one of " + quoted(roles.keySet()) + " (declared under '" + KEY + ".roles')");
      }
      members.addAll(role);
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException("Rule at '" + key + "' names nobody: add 'users' or 'roles'");
    }
    if (!c.has("result")) {
      throw new IllegalArgumentException("Missing 'result' at '" + key + "', expected 'allow' or 'deny'");
    }
    return new Rule(permissions, actions, members, result(c, "result", key + ".result", false));
  }

  private static boolean result(Config c, String name, String key, boolean fallback) {
    Optional<String> value = c.getOptionalString(name);
    if (value.isEmpty()) {
      return fallback;
    }
    switch (value.get()) {
      case "allow":
        return true;
      case "deny":
        return false;
      default:
        throw new IllegalArgumentException(
            "Invalid value '" + value.get() + "' at '" + key + "', expected 'allow' or 'deny'");
    }
  }

  private static PermissionAction action(String value, String key) {
    for (PermissionAction a : PermissionAction.values()) {
      if (a.value().equals(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException("Invalid value '" + value + "' at '" + key
        + "', expected 'create', 'read', 'update' or 'delete'");
  }

  /** Entity refs: {@code kind:namespace/name} (as Backstage writes them) or {@code *}. */
  private static Set<String> refs(Config c, String name, String key) {
    Set<String> refs = strings(c, name, key);
    for (String ref : refs) {
      if (!ref.equals("*") && !ref.matches("[a-zA-Z][\\w-]*:[\\w.-]+/[\\w.@-]+")) {
        throw new IllegalArgumentException("Invalid entity ref '" + ref + "' at '" + key
            + "', expected kind:namespace/name such as 'user:default/alice' or 'group:default/admins'");
      }
    }
    return refs;
  }

  /** A string or a list of strings. */
  private static Set<String> strings(Config c, String name, String key) {
    Object value = c.getOptional(name).orElse(null);
    Set<String> out = new LinkedHashSet<>();
    if (value == null) {
      return out;
    }
    if (value instanceof String s) {
      out.add(s);
      return out;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException("Invalid value at '" + key + "[" + i + "]', expected a non-empty string");
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException("Invalid value at '" + key + "', expected a string or a list of strings");
  }

  private static void unknownKeys(Config c, String key, Set<String> allowed) {
    for (String k : c.keys()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException("Unknown key '" + k + "' at '" + key + "', expected one of "
            + quoted(new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static String quoted(Set<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append(b.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
    }
    return b.toString();
  }
}
