package dev.greenroom.auth.node;

/** Makes a provider's route handlers from its context; a failure names what is misconfigured. */
@FunctionalInterface
public interface AuthProviderFactory {
  AuthProviderRouteHandlers create(AuthProviderFactoryContext context) throws Exception;
}
