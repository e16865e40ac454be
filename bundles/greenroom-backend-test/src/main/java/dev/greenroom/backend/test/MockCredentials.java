package dev.greenroom.backend.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageNonePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Credentials for tests, and the mock tokens that {@link MockServices#auth() the mock auth} and
 * {@link MockServices#httpAuth() httpAuth} turn back into them. Backstage's {@code mockCredentials}
 * (packages/backend-test-utils/src/services/mockCredentials.ts), with its token formats, so a
 * header reads the same as in a Backstage test:
 *
 * <pre>{@code
 * MockCredentials.user()                          // user:default/mock
 * MockCredentials.user("user:default/alice")
 * MockCredentials.service()                       // external:test-service
 * MockCredentials.service("plugin:catalog")
 * MockCredentials.none()
 * MockCredentials.limitedUser()                   // a user, as the limited-access cookie gives
 * MockCredentials.User.header("user:default/alice")   // "Bearer mock-user-token:{...}"
 * MockCredentials.None.header()                   // "Bearer mock-none-token": explicitly unauthenticated
 * MockCredentials.LimitedUser.cookie()            // "backstage-auth=mock-limited-user-token:{...}"
 * }</pre>
 */
public final class MockCredentials {
  /** {@code user:default/mock}. */
  public static final String DEFAULT_USER_ENTITY_REF = "user:default/mock";
  /** {@code external:test-service}. */
  public static final String DEFAULT_SERVICE_SUBJECT = "external:test-service";
  /** The name of the limited-access user cookie the mocks read and write. */
  public static final String AUTH_COOKIE = "backstage-auth";

  static final String NONE_TOKEN = "mock-none-token";
  static final String USER_TOKEN = "mock-user-token";
  static final String USER_TOKEN_PREFIX = "mock-user-token:";
  static final String INVALID_USER_TOKEN = "mock-invalid-user-token";
  static final String LIMITED_USER_TOKEN_PREFIX = "mock-limited-user-token:";
  static final String INVALID_LIMITED_USER_TOKEN = "mock-invalid-limited-user-token";
  static final String SERVICE_TOKEN = "mock-service-token";
  static final String SERVICE_TOKEN_PREFIX = "mock-service-token:";
  static final String INVALID_SERVICE_TOKEN = "mock-invalid-service-token";

  private static final Pattern ENTITY_REF = Pattern.compile("^.+:.+/.+$");
  static final ObjectMapper JSON = new ObjectMapper();

  private MockCredentials() {}

  /** Unauthenticated credentials. */
  public static BackstageCredentials<BackstageNonePrincipal> none() {
    return new BackstageCredentials<>(new BackstageNonePrincipal(), null);
  }

  /** The default mock user, {@value #DEFAULT_USER_ENTITY_REF}. */
  public static BackstageCredentials<BackstageUserPrincipal> user() {
    return user(DEFAULT_USER_ENTITY_REF);
  }

  /**
   * A user.
   *
   * @throws IllegalArgumentException if {@code userEntityRef} is not {@code
   *     <kind>:<namespace>/<name>}
   */
  public static BackstageCredentials<BackstageUserPrincipal> user(String userEntityRef) {
    validateUserEntityRef(userEntityRef);
    return new BackstageCredentials<>(new BackstageUserPrincipal(userEntityRef), null);
  }

  /**
   * The default mock user with limited access. As in Backstage the credentials are a user's; what
   * differs is how they travel: {@link LimitedUser#cookie()}, which only routes with a {@code
   * user-cookie} auth policy accept.
   */
  public static BackstageCredentials<BackstageUserPrincipal> limitedUser() {
    return limitedUser(DEFAULT_USER_ENTITY_REF);
  }

  /** A user with limited access; see {@link #limitedUser()}. */
  public static BackstageCredentials<BackstageUserPrincipal> limitedUser(String userEntityRef) {
    return user(userEntityRef);
  }

  /** The default mock service, {@value #DEFAULT_SERVICE_SUBJECT}, without access restrictions. */
  public static BackstageCredentials<BackstageServicePrincipal> service() {
    return service(DEFAULT_SERVICE_SUBJECT);
  }

  /** A service such as {@code plugin:catalog}, without access restrictions. */
  public static BackstageCredentials<BackstageServicePrincipal> service(String subject) {
    return service(subject, null);
  }

  /** A service with access restrictions (null: none). */
  public static BackstageCredentials<BackstageServicePrincipal> service(
      String subject, BackstagePrincipalAccessRestrictions accessRestrictions) {
    return new BackstageCredentials<>(new BackstageServicePrincipal(subject, accessRestrictions), null);
  }

  /**
   * The {@code Authorization} header value that the mock httpAuth turns into {@code credentials}:
   * a user's, a service's or the explicit none header.
   *
   * @throws IllegalArgumentException for a service with access restrictions (mock tokens do not
   *     carry them; give the plugin {@link MockServices.HttpAuth#factory} default credentials
   *     instead)
   */
  public static String header(BackstageCredentials<?> credentials) {
    if (credentials.principal() instanceof BackstageUserPrincipal u) {
      return User.header(u.userEntityRef());
    }
    if (credentials.principal() instanceof BackstageServicePrincipal s) {
      if (s.accessRestrictions() != null) {
        throw new IllegalArgumentException(
            "Mock service tokens carry no access restrictions: " + s.subject());
      }
      return "Bearer " + Service.token(s.subject());
    }
    return None.header();
  }

  static void validateUserEntityRef(String ref) {
    if (ref == null || !ENTITY_REF.matcher(ref).matches()) {
      throw new IllegalArgumentException(
          "Invalid user entity reference '" + ref + "', expected <kind>:<namespace>/<name>");
    }
  }

  static String json(Map<String, ?> payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Header for unauthenticated requests: Backstage's {@code mockCredentials.none.header()}. */
  public static final class None {
    private None() {}

    /**
     * An {@code Authorization} value the mock httpAuth reads as no credentials, to test an
     * unauthenticated request while requests without a header count as the default mock user.
     */
    public static String header() {
      return "Bearer " + NONE_TOKEN;
    }
  }

  /** User tokens and headers: Backstage's {@code mockCredentials.user.*}. */
  public static final class User {
    private User() {}

    /** {@code mock-user-token}: the default mock user. */
    public static String token() {
      return USER_TOKEN;
    }

    /** {@code mock-user-token:{"sub":"<ref>"}}. */
    public static String token(String userEntityRef) {
      validateUserEntityRef(userEntityRef);
      return USER_TOKEN_PREFIX + json(Map.of("sub", userEntityRef));
    }

    public static String header() {
      return "Bearer " + token();
    }

    public static String header(String userEntityRef) {
      return "Bearer " + token(userEntityRef);
    }

    /** Rejected with {@code User token is invalid}. */
    public static String invalidToken() {
      return INVALID_USER_TOKEN;
    }

    public static String invalidHeader() {
      return "Bearer " + invalidToken();
    }
  }

  /** Limited-access user tokens and cookies: Backstage's {@code mockCredentials.limitedUser.*}. */
  public static final class LimitedUser {
    private LimitedUser() {}

    public static String token() {
      return token(DEFAULT_USER_ENTITY_REF);
    }

    /** {@code mock-limited-user-token:{"sub":"<ref>"}}. */
    public static String token(String userEntityRef) {
      validateUserEntityRef(userEntityRef);
      return LIMITED_USER_TOKEN_PREFIX + json(Map.of("sub", userEntityRef));
    }

    /** A {@code Cookie} header value: {@code backstage-auth=<limited token>}. */
    public static String cookie() {
      return AUTH_COOKIE + "=" + token();
    }

    public static String cookie(String userEntityRef) {
      return AUTH_COOKIE + "=" + token(userEntityRef);
    }

    /** Rejected with {@code Limited user token is invalid}. */
    public static String invalidToken() {
      return INVALID_LIMITED_USER_TOKEN;
    }

    public static String invalidCookie() {
      return AUTH_COOKIE + "=" + invalidToken();
    }
  }

  /** Service tokens and headers: Backstage's {@code mockCredentials.service.*}. */
  public static final class Service {
    private Service() {}

    /** {@code mock-service-token}: the default mock service. */
    public static String token() {
      return SERVICE_TOKEN;
    }

    /** A token for service {@code subject}, accepted by every plugin. */
    public static String token(String subject) {
      return SERVICE_TOKEN_PREFIX + json(Map.of("sub", subject));
    }

    /**
     * A token as a plugin gets from {@code auth.getPluginRequestToken}: on behalf of a user ({@code
     * obo}) or as a service ({@code sub}), for {@code targetPluginId} only.
     */
    public static String token(BackstageCredentials<?> onBehalfOf, String targetPluginId) {
      Map<String, String> payload = new LinkedHashMap<>();
      if (onBehalfOf.principal() instanceof BackstageServicePrincipal s) {
        payload.put("sub", s.subject());
      }
      if (onBehalfOf.principal() instanceof BackstageUserPrincipal u) {
        payload.put("obo", u.userEntityRef());
      }
      payload.put("target", targetPluginId);
      return SERVICE_TOKEN_PREFIX + json(payload);
    }

    public static String header() {
      return "Bearer " + token();
    }

    public static String header(String subject) {
      return "Bearer " + token(subject);
    }

    public static String header(BackstageCredentials<?> onBehalfOf, String targetPluginId) {
      return "Bearer " + token(onBehalfOf, targetPluginId);
    }

    /** Rejected with {@code Service token is invalid}. */
    public static String invalidToken() {
      return INVALID_SERVICE_TOKEN;
    }

    public static String invalidHeader() {
      return "Bearer " + invalidToken();
    }
  }
}
