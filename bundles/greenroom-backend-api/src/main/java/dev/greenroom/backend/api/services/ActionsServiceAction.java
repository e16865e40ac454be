package dev.greenroom.backend.api.services;

import java.util.Map;

/**
 * An action as listed by {@link ActionsService#list(BackstageCredentials)} and by the list route
 * of the plugin that registered it. Backstage's {@code ActionsServiceAction}.
 *
 * @param id {@code <pluginId>:<name>}
 * @param name the name given at registration
 * @param title a short human-readable title
 * @param description what the action does, for people and AI clients
 * @param pluginId the plugin that registered it and runs it
 * @param attributes hints about its effects
 * @param inputSchema the JSON schema (draft 07) of its input, as a JSON object
 * @param outputSchema the JSON schema of its output, as a JSON object
 */
public record ActionsServiceAction(
    String id,
    String name,
    String title,
    String description,
    String pluginId,
    ActionAttributes attributes,
    Map<String, Object> inputSchema,
    Map<String, Object> outputSchema) {}
