package dev.greenroom.permission.policy.allowall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.AuthorizePermissionRequest;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageUserInfo;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionPolicyExtensionPoint;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import dev.greenroom.backend.api.services.UserInfoService;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.permission.PermissionServiceFactories;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The module with plugin {@code permission} in TestBackend (routes and auth stubbed: not used here). */
class AllowAllPolicyModuleTest {
  static final Permission READ = Permission.basic("todo.list.read", null);

  static final HttpRouterService NO_ROUTES = new HttpRouterService() {
    @Override
    public void use(Servlet handler) {}

    @Override
    public void addAuthPolicy(HttpRouterServiceAuthPolicy policy) {}
  };

  static final HttpAuthService NO_HTTP_AUTH = new HttpAuthService() {
    @Override
    public BackstageCredentials<BackstagePrincipal> credentials(
        HttpServletRequest request, Set<BackstagePrincipalType> allow, boolean allowLimitedAccess) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant issueUserCookie(HttpServletRequest request, HttpServletResponse response) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant issueUserCookie(HttpServletResponse response, BackstageCredentials<?> credentials) {
      throw new UnsupportedOperationException();
    }
  };

  static final UserInfoService USER_INFO = c -> new BackstageUserInfo("user:default/alice", List.of());

  static AuthorizeResult decide(BackendFeature... policyModules) {
    AtomicReference<PermissionsService> permissions = new AtomicReference<>();
    PermissionServiceFactories system = PermissionServiceFactories.create();
    TestBackend.Builder b = TestBackend.builder()
        .config(Map.of("permission", Map.of("enabled", true)))
        .defaultService(ServiceFactory.ofInstance(CoreServices.HTTP_ROUTER, NO_ROUTES))
        .defaultService(ServiceFactory.ofInstance(CoreServices.HTTP_AUTH, NO_HTTP_AUTH))
        .defaultService(ServiceFactory.ofInstance(CoreServices.USER_INFO, USER_INFO))
        .defaultService(system.permissions())
        .add(system.plugin())
        .add(BackendPlugin.create("probe", env -> env.registerInit(CoreServices.PERMISSIONS, permissions::set)));
    for (BackendFeature module : policyModules) {
      b.add(module);
    }
    try (TestBackend backend = b.start()) {
      return permissions.get().authorize(List.of(AuthorizePermissionRequest.of(READ)),
          new BackstageCredentials<>(new BackstageUserPrincipal("user:default/alice"), null)).get(0).result();
    }
  }

  @Test
  void allowsEveryRequestWhereNoPolicyDenies() {
    assertEquals(AuthorizeResult.DENY, decide());
    assertEquals(AuthorizeResult.ALLOW, decide(new AllowAllPolicyModule()));
  }

  @Test
  void aSecondPolicyModuleFailsPluginPermission() {
    BackendFeature deny = BackendModule.create("permission", "deny-all", env ->
        env.registerInit(PermissionPolicyExtensionPoint.POLICY, p -> p.setPolicy((r, u) -> QueryPermissionResponse.deny())));
    RuntimeException e = assertThrows(RuntimeException.class, () -> decide(new AllowAllPolicyModule(), deny));
    assertTrue(e.getMessage().contains("Policy already set"), e.getMessage());
  }
}
