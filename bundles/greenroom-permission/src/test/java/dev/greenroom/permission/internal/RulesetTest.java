package dev.greenroom.permission.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.PermissionCondition;
import dev.greenroom.backend.api.services.PermissionCriteria;
import dev.greenroom.backend.api.services.PermissionResourceRef;
import dev.greenroom.backend.api.services.PermissionRule;
import dev.greenroom.backend.api.services.PermissionRuleset;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ruleset applied locally (Backstage's createConditionAuthorizer), and the registry's refusals. */
class RulesetTest {
  record Doc(String owner, List<String> tags) {}

  static final PermissionRule<Doc, String> OWNER = PermissionRule.create("IS_OWNER", "owner", "doc",
      Map.of("type", "object", "required", List.of("owner")),
      (d, p) -> d.owner().equals(p.get("owner")), p -> PermissionCriteria.of("owner"));
  static final PermissionRule<Doc, String> TAGGED = PermissionRule.create("HAS_TAG", "tag", "doc", null,
      (d, p) -> !d.tags().isEmpty(), p -> PermissionCriteria.of("tagged"));

  static PermissionCriteria<PermissionCondition> leaf(String rule, Map<String, Object> params) {
    return PermissionCriteria.of(new PermissionCondition(rule, "doc", params));
  }

  final PermissionSystem system = new PermissionSystem();
  final PluginPermissions store = new PluginPermissions("docs");
  final DefaultPermissionsRegistry registry = new DefaultPermissionsRegistry("docs", store, system.validator());

  @Test
  void allOfAnyOfNotAndMissingResources() {
    registry.addPermissionRules(List.of(OWNER, TAGGED));
    PermissionRuleset<Doc, String> rules = registry.getPermissionRuleset(PermissionResourceRef.of("docs", "doc"));
    Doc mine = new Doc("alice", List.of());
    QueryPermissionResponse ownedAndUntagged = QueryPermissionResponse.conditional("docs", "doc", PermissionCriteria.allOf(List.of(
        leaf("IS_OWNER", Map.of("owner", "alice")), PermissionCriteria.not(leaf("HAS_TAG", Map.of())))));
    QueryPermissionResponse ownedOrTagged = QueryPermissionResponse.conditional("docs", "doc", PermissionCriteria.anyOf(List.of(
        leaf("IS_OWNER", Map.of("owner", "bob")), leaf("HAS_TAG", Map.of()))));
    assertTrue(rules.isAllowed(ownedAndUntagged, mine));
    assertFalse(rules.isAllowed(ownedOrTagged, mine));
    assertTrue(rules.isAllowed(ownedOrTagged, new Doc("carol", List.of("x"))));
    assertFalse(rules.isAllowed(ownedAndUntagged, null));
    assertTrue(rules.isAllowed(QueryPermissionResponse.allow(), null));
    assertFalse(rules.isAllowed(QueryPermissionResponse.deny(), mine));
    assertEquals("IS_OWNER", rules.getRuleByName("IS_OWNER").name());
    assertEquals("Permission rule 'NOPE' does not exist for resource type 'doc'",
        assertThrows(IllegalArgumentException.class, () -> rules.getRuleByName("NOPE")).getMessage());
    // HAS_TAG takes no params (the default schema refuses extra properties), IS_OWNER needs 'owner'
    InputError extra = assertThrows(InputError.class, () -> rules.isAllowed(QueryPermissionResponse.conditional("docs", "doc",
        leaf("HAS_TAG", Map.of("tag", "x"))), mine));
    assertTrue(extra.getMessage().startsWith("Parameters to rule are invalid: rule 'HAS_TAG' of resource type 'doc': "), extra.getMessage());
    assertThrows(InputError.class, () -> rules.isAllowed(QueryPermissionResponse.conditional("docs", "doc", leaf("IS_OWNER", Map.of())), mine));
  }

  @Test
  void registrationsAreRefusedWithBackstagesMessages() {
    registry.addPermissionRules(List.of(OWNER));
    assertEquals("Refused to add permission rule for type 'doc' with name 'IS_OWNER' because it already exists",
        assertThrows(IllegalArgumentException.class, () -> registry.addPermissionRules(List.of(OWNER))).getMessage());
    assertEquals("Resource type 'doc' belongs to plugin 'wiki', but was used with plugin 'docs'",
        assertThrows(IllegalArgumentException.class,
            () -> registry.getPermissionRuleset(PermissionResourceRef.of("wiki", "doc"))).getMessage());
    registry.markStarted();
    assertEquals("Cannot add permission rules after the plugin has started",
        assertThrows(IllegalStateException.class, () -> registry.addPermissionRules(List.of(TAGGED))).getMessage());
    assertEquals("Cannot add permission resource types after the plugin has started",
        assertThrows(IllegalStateException.class, () -> registry.addResourceType(
            new dev.greenroom.backend.api.services.PermissionResourceType<Doc>("doc2", null, null, null))).getMessage());
  }
}
