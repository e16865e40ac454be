package dev.greenroom.auth.backend.module.oidc.internal;

import dev.greenroom.auth.node.AuthResolverContext;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The declarative sign-in resolvers of {@code signIn.resolvers} (upstream:
 * plugins/auth-node/src/sign-in/commonSignInResolvers.ts, readDeclarativeSignInResolver.ts), tried
 * in order; one that finds no user passes to the next. Greenroom has no catalog: {@code
 * emailLocalPartMatchingUserEntityName} and {@code emailMatchingUserEntityProfileEmail} find a user
 * only with {@code dangerouslyAllowSignInWithoutUserInCatalog: true}, which signs in {@code
 * user:default/<local part>} (resp. {@code user:default/<email>}) as upstream's fallback does.
 */
final class SignInResolvers {
  static final String NO_USER = "Failed to sign-in, unable to resolve user identity. Please verify that your catalog "
      + "contains the expected User entities that would match your configured sign-in resolver.";
  static final List<String> KNOWN = List.of("emailLocalPartMatchingUserEntityName", "emailMatchingUserEntityProfileEmail");

  record Resolver(String name, boolean withoutCatalog, List<String> allowedDomains) {}

  private final List<Resolver> resolvers;

  private SignInResolvers(List<Resolver> resolvers) {
    this.resolvers = resolvers;
  }

  static SignInResolvers read(Config env, String prefix) {
    List<Resolver> out = new ArrayList<>();
    List<Config> list = env.getOptionalConfigArray("signIn.resolvers").orElse(List.of());
    for (int i = 0; i < list.size(); i++) {
      Config r = list.get(i);
      String name = r.getOptionalString("resolver").orElse("");
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("Unknown sign-in resolver '" + name + "' at '" + prefix + "signIn.resolvers["
            + i + "].resolver', Greenroom's OIDC provider knows " + String.join(", ", KNOWN));
      }
      out.add(new Resolver(name, r.getOptionalBoolean("dangerouslyAllowSignInWithoutUserInCatalog").orElse(false),
          r.getOptionalStringArray("allowedDomains").orElse(null)));
    }
    return new SignInResolvers(List.copyOf(out));
  }

  boolean configured() {
    return !resolvers.isEmpty();
  }

  /** A Backstage token for the profile's email. */
  String signIn(String email, AuthResolverContext ctx) {
    for (Resolver r : resolvers) {
      if (email == null || email.isEmpty()) {
        throw new IllegalArgumentException("Login failed, user profile does not contain an email");
      }
      int at = email.indexOf('@');
      String localPart = at < 0 ? email : email.substring(0, at);
      String domain = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
      if (r.allowedDomains() != null && !r.allowedDomains().contains(domain)) {
        throw new NotAllowedError("Sign-in user email is not from an allowed domain");
      }
      if (!r.withoutCatalog()) {
        continue; // the catalog lookup finds no user: Greenroom has no catalog
      }
      String name = r.name().equals("emailLocalPartMatchingUserEntityName") ? localPart : email;
      String ref = "user:default/" + name;
      return ctx.issueToken(ref, List.of(ref));
    }
    throw new NotFoundError(NO_USER);
  }
}
