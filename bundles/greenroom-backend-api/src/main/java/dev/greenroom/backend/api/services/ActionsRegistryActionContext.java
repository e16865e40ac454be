package dev.greenroom.backend.api.services;

/**
 * What one invocation of an action receives. Backstage's {@code ActionsRegistryActionContext}.
 *
 * @param input the request body, valid against the action's input schema, converted to the
 *     action's input type
 * @param logger the plugin's logger, with the action id as {@code action} meta
 * @param credentials who invoked the action: a user, or a service (another plugin, or an external
 *     caller with a static token)
 * @param <I> the input type
 */
public record ActionsRegistryActionContext<I>(
    I input, LoggerService logger, BackstageCredentials<? extends BackstagePrincipal> credentials) {}
