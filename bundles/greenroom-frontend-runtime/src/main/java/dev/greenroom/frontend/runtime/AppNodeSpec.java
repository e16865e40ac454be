package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AttachmentPoint;
import dev.greenroom.frontend.api.Extension;
import dev.greenroom.frontend.api.ExtensionPredicate;
import java.util.List;

/**
 * A resolved node spec: the extension plus what the app decided about it (attachment from config,
 * disabled, config, owning plugin).
 *
 * @param attachTo the attachment point(s); several only for a multiple-attachment extension
 * @param multipleAttachTo whether the extension was declared with several attachment points
 * @param pluginId the owning plugin ({@code app} for built-ins)
 * @param sourceId the plugin that provided it (same as pluginId)
 * @param config the raw config from {@code app.extensions}, or null
 */
public record AppNodeSpec(
    String id,
    List<AttachmentPoint> attachTo,
    boolean multipleAttachTo,
    Extension extension,
    boolean disabled,
    ExtensionPredicate predicate,
    String pluginId,
    String sourceId,
    Object config) {}
