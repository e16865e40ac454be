package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AttachmentPoint;

/**
 * One parsed {@code app.extensions} entry.
 *
 * @param attachTo null when not given
 * @param disabled null when not given (an object entry without {@code disabled})
 * @param config null when not given
 */
public record ExtensionParameters(
    String id, AttachmentPoint attachTo, Boolean disabled, java.util.Map<String, Object> config) {}
