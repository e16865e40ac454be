package dev.greenroom.frontend.api;

/** What a factory receives: {@code { node, config, inputs }}. */
public interface ExtensionContext {
  AppNodeInfo node();

  /** Config parsed by the extension's schema: defaults applied, unknown keys stripped. */
  ExtensionConfig config();

  ExtensionInputs inputs();

  /** A plain context, e.g. for a middleware or override that changes the config it passes on. */
  static ExtensionContext of(AppNodeInfo node, ExtensionConfig config, ExtensionInputs inputs) {
    record Simple(AppNodeInfo node, ExtensionConfig config, ExtensionInputs inputs)
        implements ExtensionContext {}
    return new Simple(node, config, inputs);
  }
}
