package dev.greenroom.example.node;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code examples} extension point, provided by the {@code example} plugin. Modules of that
 * plugin add examples in their init; the plugin reads them in its own init, which runs after every
 * module of the plugin has finished.
 */
@ProviderType
public interface ExamplesExtensionPoint {
  void addExample(Example example);
}
