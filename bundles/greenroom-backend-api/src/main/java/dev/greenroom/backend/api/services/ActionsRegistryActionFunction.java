package dev.greenroom.backend.api.services;

/**
 * The body of an action: receives the validated input, the caller's credentials and a logger, and
 * returns the output (any value Jackson writes as JSON: a record, a map, a list, a string; null for
 * none). Throw a Backstage error ({@code InputError}, {@code NotFoundError}, ...) to answer the
 * caller with its status.
 *
 * @param <I> the input type, as given to {@link ActionsRegistryActionOptions.Builder#input(Class)}
 */
@FunctionalInterface
public interface ActionsRegistryActionFunction<I> {
  /** Runs the action once. */
  Object run(ActionsRegistryActionContext<I> context) throws Exception;
}
