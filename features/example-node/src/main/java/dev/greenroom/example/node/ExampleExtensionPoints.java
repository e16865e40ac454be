package dev.greenroom.example.node;

import dev.greenroom.backend.api.ExtensionPoint;

/** Refs to the extension points of the {@code example} plugin. */
public final class ExampleExtensionPoints {
  private ExampleExtensionPoints() {}

  /** {@code examples}: provided by the {@code example} plugin, consumed by its modules. */
  public static final ExtensionPoint<ExamplesExtensionPoint> EXAMPLES =
      ExtensionPoint.create("examples", ExamplesExtensionPoint.class);

  /**
   * {@code example.tags}: provided by the {@code tags} module, consumed by the plugin's other
   * modules (e.g. {@code greetings}). Ordering consequence: every consumer of this extension point
   * runs before the {@code tags} module.
   */
  public static final ExtensionPoint<ExampleTagsExtensionPoint> TAGS =
      ExtensionPoint.create("example.tags", ExampleTagsExtensionPoint.class);
}
