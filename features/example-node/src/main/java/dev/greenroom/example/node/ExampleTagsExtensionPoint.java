package dev.greenroom.example.node;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code example.tags} extension point: a second-level extension point provided by a MODULE of
 * the {@code example} plugin (the {@code tags} module), not by the plugin. Other modules of the
 * plugin add tags; because a module that provides an extension point runs after every module that
 * consumes it, the provider sees every tag when its own init runs.
 */
@ProviderType
public interface ExampleTagsExtensionPoint {
  void addTag(String tag);
}
