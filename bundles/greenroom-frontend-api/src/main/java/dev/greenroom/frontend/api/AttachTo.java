package dev.greenroom.frontend.api;

/**
 * Where an extension definition attaches, before its plugin namespace is known: an absolute
 * {@code { id, input }}, a {@code { relative: { kind, name }, input }} within the same plugin, or a
 * reference to another definition's input ({@code parent.inputs.x}).
 */
public sealed interface AttachTo {

  /** {@code { id, input }}. */
  static AttachTo to(String id, String input) {
    return new Absolute(id, input);
  }

  /** {@code { relative: { kind, name }, input }}: resolved in the namespace of the same plugin. */
  static AttachTo relative(String kind, String name, String input) {
    return new Relative(kind, name, input);
  }

  /**
   * A reference to an input of another definition, as returned by {@link
   * ExtensionDefinition#input(String)}. A free-standing input (not yet part of a definition) fails
   * at resolution with Backstage's message.
   */
  static AttachTo input(ExtensionInput input) {
    return new InputRef(input);
  }

  /** Resolves against the namespace of the plugin or module the extension belongs to. */
  AttachmentPoint resolve(String namespace);

  /** The definition's {@code toString} form, with {@code <plugin>} for the unknown namespace. */
  String describe();

  record Absolute(String id, String input) implements AttachTo {
    @Override
    public AttachmentPoint resolve(String namespace) {
      return new AttachmentPoint(id, input);
    }

    @Override
    public String describe() {
      return id + "@" + input;
    }
  }

  record Relative(String kind, String name, String input) implements AttachTo {
    @Override
    public AttachmentPoint resolve(String namespace) {
      return new AttachmentPoint(ExtensionIds.resolve(kind, namespace, name), input);
    }

    @Override
    public String describe() {
      return ExtensionIds.describeRelative(kind, name) + "@" + input;
    }
  }

  record InputRef(ExtensionInput ref) implements AttachTo {
    @Override
    public AttachmentPoint resolve(String namespace) {
      ExtensionInput.Context context = ref.context();
      if (context == null) {
        throw new IllegalArgumentException(
            "Invalid input object without a parent extension used as attachment point");
      }
      return new AttachmentPoint(
          ExtensionIds.resolve(context.kind(), namespace, context.name()), context.input());
    }

    @Override
    public String describe() {
      ExtensionInput.Context context = ref.context();
      if (context == null) {
        return "<detached-input>";
      }
      return ExtensionIds.describeRelative(context.kind(), context.name()) + "@" + context.input();
    }
  }
}
