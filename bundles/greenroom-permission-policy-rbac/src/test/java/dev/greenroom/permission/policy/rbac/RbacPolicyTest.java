package dev.greenroom.permission.policy.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageUserInfo;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionAction;
import dev.greenroom.backend.api.services.PolicyQuery;
import dev.greenroom.backend.api.services.PolicyQueryUser;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** permission.rbac: what it allows, and the errors its config gets, each naming the key. */
class RbacPolicyTest {
  static final Permission READ = Permission.basic("todo.list.read", PermissionAction.READ);
  static final Permission CREATE = Permission.basic("todo.list.create", PermissionAction.CREATE);
  static final Permission DELETE = Permission.resource("todo.item.delete", PermissionAction.DELETE, "todo-item");

  final AtomicInteger lookups = new AtomicInteger();

  static Config config(Map<String, Object> rbac) {
    AtomicReference<Config> seen = new AtomicReference<>();
    try (TestBackend backend = TestBackend.builder()
        .config(Map.of("permission", Map.of("rbac", rbac)))
        .add(BackendPlugin.create("probe", env -> env.registerInit(CoreServices.ROOT_CONFIG, seen::set)))
        .start()) {
      return seen.get();
    }
  }

  static RbacPolicy policy(Map<String, Object> rbac) {
    return new RbacPolicy(RbacConfig.read(config(rbac)));
  }

  PolicyQueryUser user(String name, String... groups) {
    String ref = "user:default/" + name;
    return new PolicyQueryUser(new BackstageCredentials<>(new BackstageUserPrincipal(ref), null), () -> {
      lookups.incrementAndGet();
      List<String> owned = new java.util.ArrayList<>(List.of(ref));
      owned.addAll(List.of(groups));
      return new BackstageUserInfo(ref, owned);
    });
  }

  static AuthorizeResult decide(RbacPolicy policy, Permission p, PolicyQueryUser user) {
    return policy.handle(new PolicyQuery(p), user).result();
  }

  @Test
  void adminsRulesInOrderAndTheDefault() {
    RbacPolicy policy = policy(Map.of(
        "admins", List.of("user:default/alice"),
        "roles", Map.of("readers", List.of("group:default/team-a", "user:default/carol")),
        "rules", List.of(
            Map.of("permission", "todo.list.read", "users", "user:default/bob", "result", "deny"),
            Map.of("permission", "*", "action", List.of("read"), "roles", List.of("readers"), "result", "allow"),
            Map.of("permission", List.of("todo.item.delete", "todo.list.create"), "users", "*", "result", "allow"))));
    assertEquals(AuthorizeResult.ALLOW, decide(policy, DELETE, user("alice")));
    assertEquals(AuthorizeResult.DENY, decide(policy, READ, user("bob", "group:default/team-a")));
    assertEquals(AuthorizeResult.ALLOW, decide(policy, READ, user("dave", "group:default/team-a")));
    assertEquals(AuthorizeResult.ALLOW, decide(policy, READ, user("carol")));
    assertEquals(AuthorizeResult.DENY, decide(policy, READ, user("erin", "group:default/team-b")));
    assertEquals(AuthorizeResult.ALLOW, decide(policy, CREATE, user("erin")));
    assertEquals(AuthorizeResult.DENY, decide(policy, READ, null));
  }

  @Test
  void groupsAreLookedUpOnlyWhenARuleNamesOne() {
    RbacPolicy policy = policy(Map.of("rules", List.of(
        Map.of("permission", "todo.list.read", "users", List.of("user:default/bob"), "result", "allow"))));
    assertEquals(AuthorizeResult.ALLOW, decide(policy, READ, user("bob")));
    assertEquals(AuthorizeResult.DENY, decide(policy, READ, user("carol")));
    assertEquals(0, lookups.get());
  }

  @Test
  void defaultResultAllowLetsUnmatchedUsersThroughButNeverAnonymousCallers() {
    RbacPolicy policy = policy(Map.of("defaultResult", "allow",
        "rules", List.of(Map.of("permission", "todo.item.delete", "users", "*", "result", "deny"))));
    assertEquals(AuthorizeResult.ALLOW, decide(policy, READ, user("bob")));
    assertEquals(AuthorizeResult.DENY, decide(policy, DELETE, user("bob")));
    assertEquals(AuthorizeResult.DENY, decide(policy, READ, null));
  }

  static String error(Map<String, Object> rbac) {
    Config config = config(rbac);
    return assertThrows(IllegalArgumentException.class, () -> RbacConfig.read(config)).getMessage();
  }

  @Test
  void badConfigNamesTheKey() {
    assertEquals("Invalid value 'maybe' at 'permission.rbac.rules[0].result', expected 'allow' or 'deny'",
        error(Map.of("rules", List.of(Map.of("permission", "*", "users", "*", "result", "maybe")))));
    assertEquals("Unknown role 'writers' at 'permission.rbac.rules[0].roles[0]', expected one of 'readers' "
            + "(declared under 'permission.rbac.roles')",
        error(Map.of("roles", Map.of("readers", List.of("user:default/a")),
            "rules", List.of(Map.of("permission", "*", "roles", "writers", "result", "allow")))));
    assertEquals("Unknown key 'resutl' at 'permission.rbac.rules[0]', expected one of 'action', 'permission', 'result', 'roles', 'users'",
        error(Map.of("rules", List.of(Map.of("permission", "*", "users", "*", "resutl", "allow")))));
    assertEquals("Invalid entity ref 'alice' at 'permission.rbac.admins', expected kind:namespace/name such as "
        + "'user:default/alice' or 'group:default/admins'", error(Map.of("admins", List.of("alice"))));
    assertEquals("Invalid value 'write' at 'permission.rbac.rules[0].action', expected 'create', 'read', 'update' or 'delete'",
        error(Map.of("rules", List.of(Map.of("permission", "*", "action", "write", "users", "*", "result", "allow")))));
    assertEquals("Rule at 'permission.rbac.rules[0]' names nobody: add 'users' or 'roles'",
        error(Map.of("rules", List.of(Map.of("permission", "*", "result", "allow")))));
    assertEquals("Missing 'permission' at 'permission.rbac.rules[0]': name the permission(s) the rule applies to, or '*' for any",
        error(Map.of("rules", List.of(Map.of("users", "*", "result", "allow")))));
    assertEquals("Unknown key 'rule' at 'permission.rbac', expected one of 'admins', 'defaultResult', 'roles', 'rules'",
        error(Map.of("rule", List.of())));
    assertEquals("Invalid value at 'permission.rbac.rules[0].users[0]', expected a non-empty string",
        error(Map.of("rules", List.of(Map.of("permission", "*", "users", List.of(3), "result", "allow")))));
  }
}
