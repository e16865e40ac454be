package dev.greenroom.auth.node;

import java.util.List;

/**
 * What a sign-in resolver may do (Backstage's {@code AuthResolverContext}). Greenroom has no catalog,
 * so there is no {@code signInWithCatalogUser}: a resolver that needs one fails unless it is told
 * {@code dangerouslyAllowSignInWithoutUserInCatalog}.
 */
public interface AuthResolverContext {
  /**
   * Issues a Backstage user token ({@code sub}, {@code ent}; {@code ent} defaults to {@code [sub]}).
   *
   * @throws IllegalArgumentException if {@code sub} is no entity ref
   */
  String issueToken(String sub, List<String> ent);
}
