package dev.greenroom.permission.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageNonePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserInfo;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionAction;
import dev.greenroom.backend.api.services.PermissionCondition;
import dev.greenroom.backend.api.services.PermissionCriteria;
import dev.greenroom.backend.api.services.PermissionPolicy;
import dev.greenroom.backend.api.services.PolicyQueryUser;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import dev.greenroom.backend.test.base.CapturingLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backstage's decision rules: ServerPermissionClient's short-cuts, then the policy and its checks. */
class PermissionEvaluatorTest {
  static final Permission READ = Permission.basic("todo.list.read", PermissionAction.READ);
  static final Permission DELETE = Permission.resource("todo.item.delete", PermissionAction.DELETE, "todo-item");
  static final BackstageCredentials<BackstageUserPrincipal> ALICE =
      new BackstageCredentials<>(new BackstageUserPrincipal("user:default/alice"), null);
  static final BackstageCredentials<BackstageNonePrincipal> NONE = new BackstageCredentials<>(new BackstageNonePrincipal(), null);
  static final BackstageCredentials<BackstageServicePrincipal> SERVICE =
      new BackstageCredentials<>(new BackstageServicePrincipal("plugin:catalog"), null);
  static final PermissionPolicy THROWS = (request, user) -> {
    throw new AssertionError("the policy must not be asked");
  };

  final CapturingLogger logs = new CapturingLogger();
  final PermissionSystem system = new PermissionSystem();

  PermissionEvaluator evaluator(boolean enabled) {
    return new PermissionEvaluator(enabled, system, c -> new BackstageUserInfo("user:default/alice", List.of("group:default/team")), logs.logger());
  }

  static List<AuthorizeResult> results(List<QueryPermissionResponse> decisions) {
    return decisions.stream().map(QueryPermissionResponse::result).toList();
  }

  @Test
  void disabledAllowsEverythingWithoutAskingThePolicy() {
    system.policy().set(THROWS);
    assertEquals(List.of(AuthorizeResult.ALLOW, AuthorizeResult.ALLOW), results(evaluator(false).decide(List.of(READ, DELETE), ALICE)));
    assertEquals(List.of(AuthorizeResult.ALLOW), results(evaluator(false).decide(List.of(READ), NONE)));
  }

  @Test
  void enabledWithoutAPolicyDeniesAndSaysSoOnce() {
    PermissionEvaluator evaluator = evaluator(true);
    assertEquals(List.of(AuthorizeResult.DENY, AuthorizeResult.DENY), results(evaluator.decide(List.of(READ, DELETE), ALICE)));
    assertEquals(List.of(AuthorizeResult.DENY), results(evaluator.decide(List.of(READ), NONE)));
    assertEquals(List.of(Messages.NO_POLICY), logs.messages());
    // a policy that comes and goes again is missed, and logged, again
    PermissionPolicy allow = (r, u) -> QueryPermissionResponse.allow();
    system.policy().set(allow);
    assertEquals(List.of(AuthorizeResult.ALLOW), results(evaluator.decide(List.of(READ), ALICE)));
    system.policy().clear(allow);
    assertEquals(List.of(AuthorizeResult.DENY), results(evaluator.decide(List.of(READ), ALICE)));
    assertEquals(List.of(Messages.NO_POLICY, Messages.NO_POLICY), logs.messages());
  }

  @Test
  void servicePrincipalsAreAllowedWithoutThePolicy() {
    system.policy().set(THROWS);
    assertEquals(List.of(AuthorizeResult.ALLOW, AuthorizeResult.ALLOW), results(evaluator(true).decide(List.of(READ, DELETE), SERVICE)));
  }

  @Test
  void accessRestrictionsDecideForRestrictedServicesEvenWhenDisabled() {
    var restricted = new BackstageCredentials<>(new BackstageServicePrincipal("ci",
        new BackstagePrincipalAccessRestrictions(List.of("todo.list.read", "todo.item.delete"), List.of(PermissionAction.READ))), null);
    Permission unnamed = Permission.basic("todo.list.create", PermissionAction.READ);
    Permission noAction = Permission.basic("todo.list.read", null);
    for (boolean enabled : new boolean[] {false, true}) {
      assertEquals(List.of(AuthorizeResult.ALLOW, AuthorizeResult.DENY, AuthorizeResult.DENY, AuthorizeResult.DENY),
          results(evaluator(enabled).decide(List.of(READ, DELETE, unnamed, noAction), restricted)));
    }
  }

  @Test
  void thePolicyGetsTheUserOrNullForNoCredentials() {
    List<String> seen = new ArrayList<>();
    system.policy().set((request, user) -> {
      seen.add(request.permission().name() + " " + (user == null ? "none" : user.userEntityRef() + " " + user.info().ownershipEntityRefs()));
      return user == null ? QueryPermissionResponse.deny() : QueryPermissionResponse.allow();
    });
    assertEquals(List.of(AuthorizeResult.ALLOW), results(evaluator(true).decide(List.of(READ), ALICE)));
    assertEquals(List.of(AuthorizeResult.DENY), results(evaluator(true).decide(List.of(READ), NONE)));
    assertEquals(List.of("todo.list.read user:default/alice [group:default/team]", "todo.list.read none"), seen);
  }

  @Test
  void theUsersInfoIsFetchedOnlyWhenThePolicyAsks() {
    PolicyQueryUser[] seen = new PolicyQueryUser[1];
    system.policy().set((request, user) -> {
      seen[0] = user;
      return QueryPermissionResponse.allow();
    });
    new PermissionEvaluator(true, system, c -> {
      throw new AssertionError("no lookup");
    }, logs.logger()).decide(List.of(READ), ALICE);
    assertEquals("user:default/alice", seen[0].userEntityRef());
  }

  @Test
  void conditionalDecisionsAreCheckedAsBackstagesPermissionBackendDoes() {
    PermissionCriteria<PermissionCondition> owner =
        PermissionCriteria.of(new PermissionCondition("IS_OWNER", "todo-item", Map.of()));
    system.policy().set((request, user) -> QueryPermissionResponse.conditional("todo", "todo-item", owner));
    IllegalStateException basic = assertThrows(IllegalStateException.class, () -> evaluator(true).decide(List.of(READ), ALICE));
    assertEquals("Conditional decision returned from permission policy for non-resource permission todo.list.read", basic.getMessage());

    Permission otherType = Permission.resource("todo.board.read", PermissionAction.READ, "todo-board");
    IllegalStateException mismatch = assertThrows(IllegalStateException.class, () -> evaluator(true).decide(List.of(otherType), ALICE));
    assertEquals("Invalid resource conditions returned from permission policy for permission todo.board.read", mismatch.getMessage());

    QueryPermissionResponse ok = evaluator(true).decide(List.of(DELETE), ALICE).get(0);
    assertEquals(AuthorizeResult.CONDITIONAL, ok.result());
    assertEquals("todo", ok.pluginId());
    assertEquals(owner, ok.conditions());
    assertNull(logs.messages().stream().filter(m -> m.contains("policy")).findFirst().orElse(null));
  }
}
