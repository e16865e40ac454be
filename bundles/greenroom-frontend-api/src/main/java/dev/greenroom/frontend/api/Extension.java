package dev.greenroom.frontend.api;

import java.util.List;
import java.util.Map;

/** A definition with its id and attachment points resolved in a plugin's namespace. */
public final class Extension {
  private final String id;
  private final List<AttachmentPoint> attachTo;
  private final boolean multipleAttachTo;
  private final boolean disabled;
  private final ExtensionDefinition definition;

  Extension(
      String id,
      List<AttachmentPoint> attachTo,
      boolean multipleAttachTo,
      boolean disabled,
      ExtensionDefinition definition) {
    this.id = id;
    this.attachTo = attachTo;
    this.multipleAttachTo = multipleAttachTo;
    this.disabled = disabled;
    this.definition = definition;
  }

  public String id() {
    return id;
  }

  /** The attachment point; for several points, the first. */
  public AttachmentPoint attachTo() {
    return attachTo.get(0);
  }

  public List<AttachmentPoint> attachToAll() {
    return attachTo;
  }

  /** True when declared with several attachment points (even if only one is listed). */
  public boolean hasMultipleAttachTo() {
    return multipleAttachTo;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public Map<String, ExtensionInput> inputs() {
    return definition.inputs();
  }

  public List<ExtensionDataRef<?>> output() {
    return definition.output();
  }

  public ConfigSchema configSchema() {
    return definition.configSchema();
  }

  public ExtensionPredicate predicate() {
    return definition.predicate();
  }

  public ExtensionFactory factory() {
    return definition.factory();
  }

  public ExtensionDefinition definition() {
    return definition;
  }

  @Override
  public String toString() {
    return "Extension{id=" + id + "}";
  }
}
