package dev.greenroom.frontend.api;

/** What a factory receives: {@code { node, config, inputs }}. */
public interface ExtensionContext {
  AppNodeInfo node();

  /** Config parsed by the extension's schema: defaults applied, unknown keys stripped. */
  ExtensionConfig config();

  ExtensionInputs inputs();
}
